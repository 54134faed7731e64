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
