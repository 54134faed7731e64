namespace TechInterviewCoach.Matching.Tests;

/// <summary>Each test gets its own app, so the listed coaches are exactly the fixtures.</summary>
public sealed class RankingTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();


    [Fact]
    public async Task The_coach_who_fits_the_quiz_ranks_first_and_its_reasons_name_the_matching_facts()
    {
        var evening = new object[] { new { day = "Monday", start = "18:00", end = "21:00" }, new { day = "Wednesday", start = "18:00", end = "21:00" } };
        var best = await app.CreateListedCoachAsync("Best Fit", Fixtures.Profile(companies: ["Google"], types: ["system_design"],
            counts: new() { ["system_design"] = 40 }, languages: ["de", "en"], availability: evening), Fixtures.Listing(price: 12000, currency: "USD"));
        await app.CreateListedCoachAsync("Wrong Type", Fixtures.Profile(companies: ["Google"], types: ["coding"], availability: evening), Fixtures.Listing(price: 12000));
        await app.CreateListedCoachAsync("Too Expensive", Fixtures.Profile(types: ["system_design"], availability: evening), Fixtures.Listing(price: 90000));
        await app.CreateListedCoachAsync("Other Hours", Fixtures.Profile(types: ["system_design"], timeZone: "Asia/Tokyo",
            availability: [new { day = "Monday", start = "09:00", end = "12:00" }]), Fixtures.Listing(price: 12000));
        var unlisted = await app.CreateUserAsync(Roles.Coach, "Not Listed");

        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["Google", "Stripe"], types: ["system_design"], budget: 15000, currency: "USD"));
        var page = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");

        page.Total.ShouldBe(4);
        page.Items[0].Coach.CoachId.ShouldBe(best.Id);
        page.Items.ShouldNotContain(m => m.Coach.CoachId == unlisted.Id);
        var reasons = page.Items[0].Reasons;
        reasons.ShouldContain("Coached system design for 40 people");
        reasons.ShouldContain("Overlaps 6 of your weekly hours");
        reasons.ShouldContain("Within your budget (USD 120.00 per session)");
        reasons.ShouldContain("Worked at Google");
        page.Items.Select(m => m.Score).ShouldBeInOrder(SortDirection.Descending);

        var html = await coachee.Client.GetPageAsync("/matches");
        html.QuerySelector("[data-testid=match]")!.TextContent.ShouldContain("Coached system design for 40 people");

        var filtered = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches?interviewType=coding");
        filtered.Items.Select(m => m.Coach.DisplayName).ShouldBe(["Wrong Type"]);
        var budget = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches?maxBudget=15000&minOverlapHours=3");
        budget.Items.Select(m => m.Coach.DisplayName).ShouldBe(["Best Fit", "Wrong Type"], ignoreOrder: true);
    }

    [Fact]
    public async Task Coaches_with_equal_scores_keep_a_stable_order_by_id()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++) ids.Add((await app.CreateListedCoachAsync($"Twin {i}", Fixtures.Profile(types: ["coding"]))).Id);
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["coding"]));

        var first = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        first.Items.Select(m => m.Score).Distinct().Count().ShouldBe(1);
        first.Items.Select(m => m.Coach.CoachId).ShouldBe(ids.OrderBy(id => id).ToList());
        var pageTwo = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches?page=2&pageSize=2");
        pageTwo.Items.Select(m => m.Coach.CoachId).ShouldBe(ids.OrderBy(id => id).Skip(2).ToList());
        pageTwo.Items[0].Rank.ShouldBe(3);
    }

    [Fact]
    public async Task A_coach_who_does_not_answer_drops_in_rank()
    {
        var a = await app.CreateListedCoachAsync("Quick", Fixtures.Profile(types: ["coding"]));
        var b = await app.CreateListedCoachAsync("Silent", Fixtures.Profile(types: ["coding"]));
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["coding"]));

        await app.PublishAsync(new CoachResponsivenessMeasured(a.Id, 2000, 5, 0, DateTime.UtcNow));
        await app.PublishAsync(new CoachResponsivenessMeasured(b.Id, 30, 5, 0, DateTime.UtcNow));
        var before = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        before.Items[0].Coach.CoachId.ShouldBe(b.Id);
        before.Items[0].Reasons.ShouldContain("Answers within 30 minutes on average");

        await app.PublishAsync(new CoachResponsivenessMeasured(a.Id, 60, 6, 0, DateTime.UtcNow));
        await app.PublishAsync(new CoachResponsivenessMeasured(b.Id, 30, 5, 3, DateTime.UtcNow));
        var after = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        after.Items[0].Coach.CoachId.ShouldBe(a.Id);
        after.Items[1].Score.ShouldBeLessThan(after.Items[0].Score);
    }

    [Fact]
    public async Task A_coach_is_listed_only_while_payouts_are_enabled_and_not_suspended()
    {
        var coach = await app.CreateListedCoachAsync("Pay Out", Fixtures.Profile());
        var anon = app.CreateHttpsClient();
        (await anon.GetJsonAsync<Page2>("/api/matching/coaches")).Total.ShouldBe(1);
        var page = await anon.GetPageAsync($"/coaches/{coach.Id}");
        page.QuerySelector("[data-testid=fee-note]")!.TextContent.ShouldContain("platform fee");

        await app.EnablePayoutsAsync(coach.Id, false);
        (await anon.GetJsonAsync<Page2>("/api/matching/coaches")).Total.ShouldBe(0);
        (await anon.GetAsync($"/coaches/{coach.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await app.EnablePayoutsAsync(coach.Id, true);
        await app.PublishAsync(new TechInterviewCoach.Identity.Contracts.UserSuspensionChanged(coach.Id, true, DateTime.UtcNow));
        (await anon.GetJsonAsync<Page2>("/api/matching/coaches")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_rebuild_does_not_hold_matches_back_and_a_new_coach_appears_on_a_later_request()
    {
        // As at 100,000 coaches, where a rebuild takes seconds: no wait at all for it.
        var slow = new MatchingApp();
        slow.Settings["Matching:SnapshotRebuildWaitMilliseconds"] = "0";
        await slow.InitializeAsync();
        try
        {
            await slow.CreateListedCoachAsync("First", Fixtures.Profile(types: ["coding"]));
            var coachee = await slow.CreateUserAsync(Roles.Coachee);
            await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["coding"]));
            // The instance built its snapshot at start-up (no coaches yet): the first request does not wait for a rebuild either.
            await WaitForTotalAsync(coachee, 1);

            await slow.CreateListedCoachAsync("Second", Fixtures.Profile(types: ["coding"]));
            (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total.ShouldBe(1, "answered from the previous snapshot while the new one builds");
            await WaitForTotalAsync(coachee, 2);
        }
        finally { await slow.DisposeAsync(); }

        static async Task WaitForTotalAsync(TestUser coachee, int expected)
        {
            var total = -1;
            for (var i = 0; i < 100 && total != expected; i++)
            {
                await Task.Delay(100);
                total = (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total;
            }
            total.ShouldBe(expected, "a later request ranks on the rebuilt snapshot");
        }
    }

    [Fact]
    public async Task Matches_need_a_submitted_quiz()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await (await coachee.Client.GetAsync("/api/matching/matches")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "quiz_not_submitted");
        (await coachee.Client.GetPageAsync("/matches")).QuerySelector("[data-testid=matches-need-quiz]").ShouldNotBeNull();
    }

    private sealed record Page2(List<JsonElement> Items, int Total);
}
