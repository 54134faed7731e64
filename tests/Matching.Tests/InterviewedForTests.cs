namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// Companies a coach has interviewed for (as an interviewer or a candidate), through HTTP on PostgreSQL: declared and
/// refused, shown on the profile page and the card, searched in the directory, a reason in the ranking, exported and
/// deleted with the account.
/// </summary>
public sealed class InterviewedForTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    private sealed record Page(List<Card> Items, int Total);
    private sealed record Card(Guid CoachId, string DisplayName, List<string> InterviewedFor);

    private static object Profile(string[] interviewedFor, string[]? companies = null, string[]? types = null) => new
    {
        headline = "Staff engineer", bio = "I coach.", yearsOfExperience = 10, companies = companies ?? [], interviewedFor, skills = Array.Empty<string>(),
        roles = new[] { "backend" }, interviewTypes = types ?? ["coding"], coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" },
        timeZone = "Europe/Berlin", availability = Array.Empty<object>(), isPublished = true,
    };

    [Fact]
    public async Task A_coach_declares_companies_they_interviewed_for_and_people_see_and_find_them()
    {
        var coach = await app.CreateListedCoachAsync("Ivy Interviewer", Profile([" google ", "Tiny Startup GmbH", "Google"], companies: ["Stripe"]));
        await app.CreateListedCoachAsync("Other Coach", Profile([]));

        var own = await coach.Client.GetJsonAsync<JsonElement>("/api/matching/coach/profile");
        own.GetProperty("profile").GetProperty("interviewedFor").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Google", "Tiny Startup GmbH"]);
        var form = await coach.Client.GetPageAsync("/coach/profile");
        form.QuerySelector("[data-testid=coach-interviewed-for]")!.GetAttribute("value").ShouldBe("Google, Tiny Startup GmbH");

        var anon = app.CreateClient();
        var page = await anon.GetPageAsync($"/coaches/{coach.Id}");
        page.QuerySelector("[data-testid=interviewed-for]")!.TextContent.ShouldContain("Has interviewed for Google, Tiny Startup GmbH");
        var directory = await anon.GetPageAsync("/coaches?q=tiny%20startup");
        directory.QuerySelectorAll("[data-testid=coach-card] h2").Select(h => h.TextContent).ShouldBe(["Ivy Interviewer"]);
        directory.QuerySelector("[data-testid=coach-card] [data-testid=interviewed-for]")!.TextContent.ShouldBe("Has interviewed for Google, Tiny Startup GmbH");
        (await anon.GetJsonAsync<Page>("/api/matching/coaches?q=google")).Items.ShouldHaveSingleItem().InterviewedFor.ShouldBe(["Google", "Tiny Startup GmbH"]);
    }

    [Fact]
    public async Task A_target_company_the_coach_interviewed_for_ranks_them_higher_with_a_plain_reason()
    {
        // Created first, so on equal scores this coach would come first: only the new factor puts the other ahead.
        await app.CreateListedCoachAsync("Plain Coach", Profile([], types: ["system_design"]));
        var interviewer = await app.CreateListedCoachAsync("Ivy Interviewer", Profile(["Meta", "Google"], types: ["system_design"]));
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["google", "Stripe"], types: ["system_design"]));

        var matches = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        matches.Items[0].Coach.CoachId.ShouldBe(interviewer.Id);
        matches.Items[0].Reasons.ShouldContain("Has interviewed for Google");
        (matches.Items[0].Score - matches.Items[1].Score).ShouldBe(RankingWeights.InterviewedForTarget);
        matches.Items[1].Reasons.ShouldNotContain(r => r.Contains("interviewed", StringComparison.OrdinalIgnoreCase));
        var html = await coachee.Client.GetPageAsync("/matches");
        html.QuerySelector("[data-testid=match]")!.TextContent.ShouldContain("Has interviewed for Google");
    }

    public static TheoryData<string, object, string> BadLists => new()
    {
        { "21 companies", Enumerable.Range(0, 21).Select(i => $"Company {i}").ToArray(), "interviewedFor" },
        { "a name of 81 characters", new[] { new string('x', 81) }, "interviewedFor[0]" },
        { "a control character", new[] { "Goo\u0007gle" }, "interviewedFor[0]" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task A_bad_list_of_companies_interviewed_for_is_refused_naming_the_field_and_the_profile_stays(string what, object list, string field)
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Profile(["Google"]))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var body = JsonSerializer.SerializeToNode(Profile([]))!.AsObject();
        body["interviewedFor"] = JsonSerializer.SerializeToNode(list);
        var problem = await (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().ShouldContainKey(field, what);
        var own = await coach.Client.GetJsonAsync<JsonElement>("/api/matching/coach/profile");
        own.GetProperty("profile").GetProperty("interviewedFor").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Google"]);
    }

    [Fact]
    public async Task The_profile_page_shows_a_form_error_beside_the_field()
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Profile([]))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var page = await coach.Client.GetPageAsync("/coach/profile");
        var response = await coach.Client.SubmitFormAsync(page, "#profile-form", new Dictionary<string, string>
        {
            ["Input.InterviewedFor"] = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"Company {i}")),
        });
        var html = await TechInterviewCoach.TestKit.Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        html.QuerySelector("[data-error-for=interviewedFor]")!.TextContent.ShouldContain("at most 20 companies you have interviewed for");
    }

    [Fact]
    public async Task The_companies_interviewed_for_are_in_the_export_and_gone_after_deletion()
    {
        var coach = await app.CreateListedCoachAsync("Leaving Coach", Profile(["Netflix"]));
        var export = await app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new ExportMatchingData(coach.Id)));
        JsonSerializer.Serialize(export.Data).ShouldContain("Netflix");

        await app.PublishAsync(new UserDeleted(coach.Id, [Roles.Coach], DateTime.UtcNow));
        var after = await app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new ExportMatchingData(coach.Id)));
        JsonSerializer.Serialize(after.Data).ShouldNotContain("Netflix");
        (await app.CreateClient().GetJsonAsync<Page>("/api/matching/coaches?q=netflix")).Items.ShouldBeEmpty();
    }
}
