namespace TechInterviewCoach.Matching.Tests;

public sealed class CoachPageTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    [Fact]
    public async Task A_coach_page_and_a_match_card_lead_to_a_conversation_and_to_booking()
    {
        var coach = await app.CreateListedCoachAsync("Page Coach", Fixtures.Profile(types: ["system_design"]));
        var listings = await coach.Client.GetJsonAsync<JsonElement>("/api/matching/coach/listings");
        var listingId = listings.EnumerateArray().First().GetProperty("id").GetGuid();

        var coachee = await app.CreateUserAsync(Roles.Coachee);
        var page = await coachee.Client.GetPageAsync($"/coaches/{coach.Id}");
        page.QuerySelector("[data-testid=message-coach]")!.GetAttribute("href").ShouldBe($"/messages/new?coachId={coach.Id}");
        page.QuerySelector("[data-testid=book-listing]")!.GetAttribute("href").ShouldBe($"/checkout/{listingId}");

        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["system_design"]));
        var matches = await coachee.Client.GetPageAsync("/matches");
        matches.QuerySelector($"[data-coach-id='{coach.Id}'] [data-testid=message-coach]")!.GetAttribute("href")
            .ShouldBe($"/messages/new?coachId={coach.Id}");
    }
}

public sealed class AvailabilityInZonesTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    [Fact]
    public async Task The_coach_page_shows_the_weekly_windows_in_the_viewers_zone_beside_the_coachs_own_and_in_utc_for_a_visitor()
    {
        // Zones without daylight saving, so the expected times hold all year: Kolkata +05:30, Tokyo +09:00.
        var coach = await app.CreateListedCoachAsync("Zone Coach", Fixtures.Profile(timeZone: "Asia/Kolkata",
            availability: [new { day = "Tuesday", start = "22:00", end = "23:30" }]));
        var viewer = await app.CreateUserAsync(Roles.Coachee, "Tokyo Viewer", null, "Asia/Tokyo");

        var page = await viewer.Client.GetPageAsync($"/coaches/{coach.Id}");
        var line = page.QuerySelector("[data-testid=availability] li")!.TextContent;
        line.ShouldContain("Wed 01:30–03:00 your time (Asia/Tokyo)");
        line.ShouldContain("Tue 22:00–23:30 coach's time (Asia/Kolkata)");

        var visitor = app.CreateClient();
        var anonymous = await visitor.GetPageAsync($"/coaches/{coach.Id}");
        anonymous.QuerySelector("[data-testid=availability] li")!.TextContent.ShouldContain("Tue 16:30–18:00 UTC");
        anonymous.QuerySelector("[data-testid=availability-zone]")!.TextContent.ShouldContain("UTC (sign in to see them in your time zone)");
    }

    [Fact]
    public async Task A_coach_with_a_conversation_sees_the_coachees_availability_in_the_coachs_zone_naming_both_zones()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Kolkata Coachee");
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(timeZone: "Asia/Kolkata", availability: [new { day = "Monday", start = "09:00", end = "10:00" }]));
        var coach = await app.CreateUserAsync(Roles.Coach, "Tokyo Coach", null, "Asia/Tokyo");
        await app.StartConversationAsync(coachee.Id, coach.Id);

        var page = await coach.Client.GetPageAsync($"/coach/coachees/{coachee.Id}");
        var line = page.QuerySelector("[data-testid=coachee-availability] li")!.TextContent;
        line.ShouldContain("Mon 12:30–13:30 your time (Asia/Tokyo)");
        line.ShouldContain("Mon 09:00–10:00 coachee's time (Asia/Kolkata)");
    }
}
