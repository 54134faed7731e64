namespace TechInterviewCoach.Matching.Tests;

/// <summary>Weekly windows shown in another zone use the offsets of the coming week, daylight saving included.</summary>
public sealed class WeekInZoneTests
{
    private static readonly WeeklyWindow[] MondayNoon = [new(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(14, 0))];

    [Fact]
    public void A_new_york_window_reads_six_hours_later_in_berlin_when_both_keep_standard_time()
    {
        var row = WeekInZone.Show(MondayNoon, "America/New_York", TechInterviewCoach.BuildingBlocks.Web.UserTime.Find("Europe/Berlin"), new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc)).Single();
        row.ReaderTime.ShouldBe("Mon 18:00–20:00");
        row.OwnerTime.ShouldBe("Mon 12:00–14:00");
    }

    [Fact]
    public void In_the_weeks_when_only_america_has_moved_its_clocks_the_gap_is_five_hours()
    {
        // 10 March 2026: New York is on daylight time since 8 March, Berlin moves on 29 March.
        var row = WeekInZone.Show(MondayNoon, "America/New_York", TechInterviewCoach.BuildingBlocks.Web.UserTime.Find("Europe/Berlin"), new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc)).Single();
        row.ReaderTime.ShouldBe("Mon 17:00–19:00");
    }

    [Fact]
    public void A_window_that_crosses_midnight_in_the_readers_zone_names_both_days()
    {
        WeeklyWindow[] late = [new(DayOfWeek.Sunday, new TimeOnly(22, 0), TimeOnly.MinValue)]; // until midnight
        var row = WeekInZone.Show(late, "UTC", TechInterviewCoach.BuildingBlocks.Web.UserTime.Find("Asia/Kolkata"), new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc)).Single();
        row.OwnerTime.ShouldBe("Sun 22:00–24:00");
        row.ReaderTime.ShouldBe("Mon 03:30–05:30");
    }
}
