namespace TechInterviewCoach.Matching.Tests;

public sealed class DemoReviewsTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    [Fact]
    public async Task On_first_start_a_new_person_sees_a_demo_coach_with_reviews_and_the_demo_coachee_has_a_review_to_write()
    {
        var coaches = Enumerable.Range(0, 4).Select(i => new DemoUser(Guid.CreateVersion7(), Roles.Coach, i, $"Demo Coach {i}", "Europe/London")).ToList();
        var coachee = new DemoUser(Guid.CreateVersion7(), Roles.Coachee, 0, "Casey Coachee", "Europe/Berlin");
        await app.PublishAsync(new DemoUsersCreated([.. coaches, coachee]));
        await app.PublishAsync(new DemoUsersCreated([.. coaches, coachee])); // seeded once
        await app.WaitForOutboxAsync();

        var visitor = app.CreateHttpsClient();
        var card = await visitor.GetJsonAsync<JsonElement>($"/api/matching/coaches/{coaches[0].Id}");
        card.GetProperty("rating").GetProperty("count").GetInt32().ShouldBe(3);
        card.GetProperty("rating").GetProperty("average").GetDouble().ShouldBe(4.67);
        var page = await visitor.GetPageAsync($"/coaches/{coaches[0].Id}");
        page.QuerySelector("[data-testid=reviews] [data-testid=rating-average]")!.TextContent.ShouldBe("4.7");
        page.QuerySelectorAll("[data-testid=review]").Length.ShouldBe(3);
        page.QuerySelector("[data-testid=review-author]")!.TextContent.ShouldBe("Casey C.");
        page.QuerySelector("[data-testid=review-reply]").ShouldNotBeNull();

        var followUps = await app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new GetSessionFollowUps(coachee.Id)));
        followUps.ShouldHaveSingleItem().Kind.ShouldBe("write_review");
    }
}
