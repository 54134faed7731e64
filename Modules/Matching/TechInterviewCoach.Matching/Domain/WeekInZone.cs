namespace TechInterviewCoach.Matching.Domain;

/// <summary>One weekly window as a reader sees it: in their zone and, beside it, in the owner's zone.</summary>
internal sealed record WindowInZones(string ReaderTime, string OwnerTime);

/// <summary>
/// Shows weekly windows kept in their owner's zone in a reader's zone. Each window is placed on the coming week
/// (from today) so the daylight-saving offsets are the ones the reader will actually meet.
/// </summary>
internal static class WeekInZone
{
    public static IReadOnlyList<WindowInZones> Show(IEnumerable<WeeklyWindow> windows, string? ownerZone, TimeZoneInfo reader, DateTime utcNow)
    {
        var owner = UserTime.Find(ownerZone);
        var ownerToday = TimeZoneInfo.ConvertTimeFromUtc(utcNow, owner).Date;
        var rows = new List<(DateTime Sort, WindowInZones Row)>();
        foreach (var w in windows)
        {
            var days = ((int)w.Day - (int)ownerToday.DayOfWeek + 7) % 7;
            var day = DateTime.SpecifyKind(ownerToday.AddDays(days), DateTimeKind.Unspecified);
            var startLocal = day.Add(w.Start.ToTimeSpan());
            var endLocal = w.End == TimeOnly.MinValue ? day.AddDays(1) : day.Add(w.End.ToTimeSpan());
            if (endLocal <= startLocal) continue;
            var startUtc = ToUtc(startLocal, owner);
            var endUtc = ToUtc(endLocal, owner);
            var rs = TimeZoneInfo.ConvertTimeFromUtc(startUtc, reader);
            var re = TimeZoneInfo.ConvertTimeFromUtc(endUtc, reader);
            rows.Add((StartOfWeekOrder(rs), new WindowInZones(Span(rs, re), Span(startLocal, endLocal))));
        }
        return rows.OrderBy(r => r.Sort).Select(r => r.Row).ToList();
    }

    private static DateTime StartOfWeekOrder(DateTime local) => new DateTime(2024, 1, 1).AddDays(((int)local.DayOfWeek + 6) % 7).Add(local.TimeOfDay);

    private static string Span(DateTime start, DateTime end)
    {
        var endText = end.Date == start.Date || end == start.Date.AddDays(1) ? Hm(end, end == start.Date.AddDays(1)) : $"{end:ddd} {Hm(end, false)}";
        return $"{start:ddd} {start:HH:mm}–{endText}";
    }

    private static string Hm(DateTime t, bool midnight) => midnight ? "24:00" : t.ToString("HH:mm");

    private static DateTime ToUtc(DateTime local, TimeZoneInfo tz)
    {
        if (tz.IsInvalidTime(local)) local = local.AddHours(1); // inside a spring-forward gap
        return TimeZoneInfo.ConvertTimeToUtc(local, tz);
    }
}
