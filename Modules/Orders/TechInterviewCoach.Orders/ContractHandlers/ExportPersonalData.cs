namespace TechInterviewCoach.Orders.ContractHandlers;

/// <summary>Orders' part of a person's data export: their orders (as coachee or coach), sessions, refunds, payout account, payouts, reviews and reported problems.</summary>
internal sealed class ExportOrdersDataHandler(OrdersDbContext db) : IRequestHandler<ExportOrdersData, PersonalDataPart>
{
    public async Task<PersonalDataPart> Handle(ExportOrdersData request, CancellationToken ct)
    {
        var id = request.UserId;
        var orders = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Bookings).Include(o => o.Refunds)
            .Where(o => o.CoacheeId == id || o.CoachId == id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var payouts = await db.Payouts.AsNoTracking().Where(p => p.CoachId == id).OrderBy(p => p.UpdatedAt).ToListAsync(ct);
        var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CoachId == id, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CoacheeId == id || r.CoachId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CoacheeId == id || r.CoachId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var data = new
        {
            orders = orders.Select(o => new
            {
                o.Id, role = o.CoacheeId == id ? "coachee" : "coach", state = o.State.ToString(), listing = o.ListingTitle, o.Currency,
                grossMinor = o.GrossMinor, platformFeeMinor = o.PlatformFeeMinor, coachNetMinor = o.CoachNetMinor, refundedMinor = o.RefundedMinor,
                o.CreatedAt, o.PaidAt,
                sessions = o.Bookings.OrderBy(b => b.StartsAt).Select(b => new { b.StartsAt, b.EndsAt, status = b.Status.ToString() }),
                refunds = o.Refunds.Select(r => new { amountMinor = r.AmountMinor, r.Reason, status = r.Status.ToString(), r.CreatedAt }),
            }),
            payoutAccount = account is null ? null : new { account.StripeAccountId, account.ChargesEnabled, account.PayoutsEnabled },
            payouts = payouts.Select(p => new { p.Id, amountMinor = p.AmountMinor, p.Currency, p.Status, p.ArrivalDate }),
            reviews = reviews.Select(r => new
            {
                r.Id, role = r.CoacheeId == id ? "author" : "coach", sessionId = r.BookingId, r.OrderId, r.Rating, r.Text, r.CreatedAt, r.UpdatedAt,
                r.Reply, r.RepliedAt, hidden = r.HiddenAt is not null, r.HiddenReason,
            }),
            sessionReports = reports.Select(r => new
            {
                r.Id, sessionId = r.BookingId, r.OrderId, reportedByYou = r.ReporterId == id, problem = r.Problem.ToString(), r.Description, r.CreatedAt,
                r.Answer, r.AnsweredAt, decision = r.Decision?.ToString(), r.DecisionNote, r.SettledAt,
            }),
        };
        return new PersonalDataPart("orders", data, []);
    }
}
