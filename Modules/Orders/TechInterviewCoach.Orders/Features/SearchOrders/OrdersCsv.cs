using System.Globalization;
using System.Text;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The admin's order search as CSV (amounts in minor units, times in UTC).</summary>
internal static class OrdersCsv
{
    public static string Write(IEnumerable<OrderRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("order_id,created_at_utc,state,coach_id,coach,coachee_id,coachee,listing,currency,gross_minor,platform_fee_minor,coach_net_minor,refunded_minor\n");
        foreach (var r in rows)
            sb.Append(string.Join(',', r.Id, r.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.State, r.CoachId, Cell(r.CoachName),
                r.CoacheeId, Cell(r.CoacheeName), Cell(r.ListingTitle), r.Currency, r.GrossMinor, r.PlatformFeeMinor, r.CoachNetMinor, r.RefundedMinor)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Quotes a cell and defuses spreadsheet formulas (a leading = + - @).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}
