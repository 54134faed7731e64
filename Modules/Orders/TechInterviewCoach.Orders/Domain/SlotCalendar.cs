using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Orders.Domain;

/// <summary>Turns a coach's weekly windows (in the coach's time zone) into concrete UTC slot starts, one session long each.</summary>
internal static class SlotCalendar
{
    public static List<DateTime> Offered(CoachAvailability availability, int sessionMinutes, DateTime fromUtc, DateTime toUtc)
    {
        var tz = UserTime.Find(availability.TimeZone);
        var result = new List<DateTime>();
        if (sessionMinutes <= 0) return result;
        var firstDay = DateOnly.FromDateTime(UserTime.ToLocal(fromUtc, tz));
        var lastDay = DateOnly.FromDateTime(UserTime.ToLocal(toUtc, tz));
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        foreach (var w in availability.Windows.Where(w => w.Day == day.DayOfWeek))
        {
            var length = TimeSpan.FromMinutes(sessionMinutes);
            var endSpan = w.End <= w.Start ? TimeSpan.FromDays(1) : w.End.ToTimeSpan();
            for (var offset = w.Start.ToTimeSpan(); offset + length <= endSpan; offset += length)
            {
                var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + offset;
                if (tz.IsInvalidTime(local)) continue;
                var utc = TimeZoneInfo.ConvertTimeToUtc(local, tz);
                if (utc >= fromUtc && utc <= toUtc) result.Add(utc);
            }
        }
        return result.Distinct().OrderBy(x => x).ToList();
    }
}
