using System.Numerics;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// A week as 336 half-hour slots in UTC (6 × 64 bits), so two people's weekly windows in different time zones
/// overlap with a few AND + popcount operations. Windows are placed on a reference week (the current one)
/// so daylight-saving offsets are today's.
/// </summary>
internal readonly struct WeekSlots
{
    public const int SlotsPerWeek = 7 * 48;
    private readonly ulong _a, _b, _c, _d, _e, _f;

    private WeekSlots(ulong[] w) { _a = w[0]; _b = w[1]; _c = w[2]; _d = w[3]; _e = w[4]; _f = w[5]; }

    public int OverlapHalfHours(in WeekSlots o) =>
        BitOperations.PopCount(_a & o._a) + BitOperations.PopCount(_b & o._b) + BitOperations.PopCount(_c & o._c)
        + BitOperations.PopCount(_d & o._d) + BitOperations.PopCount(_e & o._e) + BitOperations.PopCount(_f & o._f);

    /// <summary>Word <paramref name="i"/> (0–5) of the six: slots 64·i to 64·i + 63.</summary>
    public ulong Word(int i) => i switch { 0 => _a, 1 => _b, 2 => _c, 3 => _d, 4 => _e, _ => _f };

    public int HalfHours => OverlapHalfHours(this);

    public static DateTime ReferenceMondayUtc(DateTime utcNow)
    {
        var d = utcNow.Date;
        var offset = ((int)d.DayOfWeek + 6) % 7;
        return DateTime.SpecifyKind(d.AddDays(-offset), DateTimeKind.Utc);
    }

    public static WeekSlots From(IEnumerable<WeeklyWindow> windows, string? timeZone, DateTime referenceMondayUtc)
    {
        var tz = TechInterviewCoach.BuildingBlocks.Web.UserTime.Find(timeZone);
        var bits = new ulong[6];
        foreach (var w in windows)
        {
            var startMin = w.Start.Hour * 60 + w.Start.Minute;
            var endMin = w.End == TimeOnly.MinValue ? 24 * 60 : w.End.Hour * 60 + w.End.Minute;
            if (endMin <= startMin) continue;
            var dayOffset = ((int)w.Day + 6) % 7; // Monday = 0
            var localDay = DateTime.SpecifyKind(referenceMondayUtc.AddDays(dayOffset), DateTimeKind.Unspecified);
            var utcStart = ToUtc(localDay.AddMinutes(startMin), tz);
            for (var m = (startMin + 29) / 30 * 30; m + 30 <= endMin; m += 30)
            {
                var utc = utcStart.AddMinutes(m - startMin);
                var slot = (int)Math.Floor((utc - referenceMondayUtc).TotalMinutes / 30.0);
                slot = ((slot % SlotsPerWeek) + SlotsPerWeek) % SlotsPerWeek;
                bits[slot >> 6] |= 1UL << (slot & 63);
            }
        }
        return new WeekSlots(bits);
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo tz)
    {
        if (tz.IsInvalidTime(local)) local = local.AddHours(1); // inside a spring-forward gap
        return TimeZoneInfo.ConvertTimeToUtc(local, tz);
    }
}
