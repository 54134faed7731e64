namespace TechInterviewCoach.Matching.Tests;

/// <summary>Orders' CoachRatingChanged reaches the ranking, the cards and the profile; few reviews weigh nothing.</summary>
public sealed class RatingRankingTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Reviews_count_in_the_rank_with_a_plain_reason_and_under_three_reviews_weigh_nothing()
    {
        var rated = await app.CreateListedCoachAsync("Rated Coach", Fixtures.Profile(types: ["coding"]));
        var few = await app.CreateListedCoachAsync("Few Reviews", Fixtures.Profile(types: ["coding"]));
        var none = await app.CreateListedCoachAsync("No Reviews", Fixtures.Profile(types: ["coding"]));
        var now = DateTime.UtcNow;
        await app.PublishAsync(new CoachRatingChanged(rated.Id, 4.8, 12, now));
        await app.PublishAsync(new CoachRatingChanged(few.Id, 5.0, 2, now));

        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["coding"]));
        var matches = (await coachee.Client.GetJsonAsync<JsonElement>("/api/matching/matches")).GetProperty("items").EnumerateArray().ToList();
        JsonElement Of(Guid id) => matches.Single(m => m.GetProperty("coach").GetProperty("coachId").GetGuid() == id);
        List<string> Reasons(Guid id) => Of(id).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        int Score(Guid id) => Of(id).GetProperty("score").GetInt32();

        matches[0].GetProperty("coach").GetProperty("coachId").GetGuid().ShouldBe(rated.Id);
        Reasons(rated.Id).ShouldContain("Rated 4.8 by 12 coachees");
        Score(rated.Id).ShouldBe(Score(none.Id) + 6, "4.8 from 12 reviews against a prior of 4.0 from 5");
        Score(few.Id).ShouldBe(Score(none.Id), "two perfect reviews give no points");
        Of(few.Id).GetProperty("components").EnumerateArray().ShouldNotContain(c => c.GetProperty("factor").GetString() == "reviews");
        var card = Of(rated.Id).GetProperty("coach").GetProperty("rating");
        (card.GetProperty("average").GetDouble(), card.GetProperty("count").GetInt32()).ShouldBe((4.8, 12));

        // An older figure that arrives late changes nothing.
        await app.PublishAsync(new CoachRatingChanged(rated.Id, 1.0, 13, now.AddMinutes(-5)));
        var directory = await coachee.Client.GetJsonAsync<JsonElement>($"/api/matching/coaches/{rated.Id}");
        directory.GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(12);

        var page = await coachee.Client.GetPageAsync("/matches");
        page.QuerySelector($"[data-coach-id='{rated.Id}'] [data-testid=rating]")!.TextContent.ShouldContain("4.8 out of 5 · 12 reviews");
        page.QuerySelector($"[data-coach-id='{none.Id}'] [data-testid=rating]")!.TextContent.ShouldContain("No reviews yet");
        var list = await coachee.Client.GetPageAsync("/coaches");
        list.QuerySelectorAll("[data-testid=coach-card]").ShouldContain(c => c.TextContent.Contains("Rated Coach") && c.TextContent.Contains("4.8 out of 5"));
    }
}
