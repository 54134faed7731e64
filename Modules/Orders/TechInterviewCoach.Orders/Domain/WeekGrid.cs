using System.Globalization;

namespace TechInterviewCoach.Orders.Domain;

/// <summary>One free slot in the week grid: its UTC start, the time in the viewer's zone and, when it differs, in the coach's.</summary>
internal sealed record WeekSlot(DateTime StartsAt, string ViewerTime, string? CoachTime);

/// <summary>One day column of the week grid (a date in the viewer's zone) with its free slots, earliest first.</summary>
internal sealed record WeekDay(DateOnly Date, string Label, IReadOnlyList<WeekSlot> Slots);

/// <summary>A Monday-to-Sunday week in the viewer's zone, with the neighbouring weeks for previous/next.</summary>
internal sealed record WeekView(DateOnly Monday, DateOnly Previous, DateOnly Next, bool HasPrevious, bool HasNext, string ViewerZone, string CoachZone,
    bool ZonesDiffer, IReadOnlyList<WeekDay> Days)
{
    public int SlotCount => Days.Sum(d => d.Slots.Count);
    public string Title => $"{Monday.ToString("d MMM", CultureInfo.InvariantCulture)} – {Monday.AddDays(6).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
}

/// <summary>Lays free UTC slot starts out as a week in the viewer's time zone (days as columns; the page stacks them at 390 px).</summary>
internal static class WeekGrid
{
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <param name="free">Free slot starts (UTC), any order.</param>
    /// <param name="week">Any day of the wanted week in the viewer's zone; null: the week of the first free slot (else of today).</param>
    public static WeekView Build(IReadOnlyCollection<DateTime> free, DateTime nowUtc, DateTime horizonUtc, TimeZoneInfo viewer, TimeZoneInfo coach, DateOnly? week)
    {
        var today = DateOnly.FromDateTime(UserTime.ToLocal(nowUtc, viewer));
        var first = free.Count > 0 ? DateOnly.FromDateTime(UserTime.ToLocal(free.Min(), viewer)) : today;
        var monday = MondayOf(week ?? first);
        var thisMonday = MondayOf(today);
        if (monday < thisMonday) monday = thisMonday;
        var lastMonday = MondayOf(DateOnly.FromDateTime(UserTime.ToLocal(horizonUtc, viewer)));
        if (monday > lastMonday) monday = lastMonday;
        var differ = viewer.Id != coach.Id;
        var byDay = free.Select(s => (Utc: s, Local: UserTime.ToLocal(s, viewer)))
            .Where(x => DateOnly.FromDateTime(x.Local) >= monday && DateOnly.FromDateTime(x.Local) < monday.AddDays(7))
            .GroupBy(x => DateOnly.FromDateTime(x.Local)).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Utc).ToList());
        var days = Enumerable.Range(0, 7).Select(i =>
        {
            var date = monday.AddDays(i);
            var slots = byDay.TryGetValue(date, out var list)
                ? list.Select(x => new WeekSlot(x.Utc, x.Local.ToString("HH:mm", CultureInfo.InvariantCulture),
                    differ ? UserTime.ToLocal(x.Utc, coach).ToString("ddd HH:mm", CultureInfo.InvariantCulture) : null)).ToList()
                : [];
            return new WeekDay(date, date.ToString("ddd d MMM", CultureInfo.InvariantCulture), slots);
        }).ToList();
        return new WeekView(monday, monday.AddDays(-7), monday.AddDays(7), monday > thisMonday, monday < lastMonday, viewer.Id, coach.Id, differ, days);
    }
}
