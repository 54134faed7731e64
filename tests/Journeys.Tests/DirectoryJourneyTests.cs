using Deque.AxeCore.Playwright;
using MediatR;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Issue 16, the directory in a real browser: a visitor and a signed-in coachee search /coaches by name, company and
/// skill, filter by price, interview type, role, language and a weekly hour, sort, page, share the link, and clear an
/// empty result. Everything asserted is what the person reads: the coaches' names in order and the count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private const int Fillers = 18;

    private async Task<Guid> ListedCoachAsync(string name, object profile, long price, string currency = "USD")
    {
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = _app.ServerAddress.ToString() });
        var api = context.APIRequest;
        var signIn = await api.PostAsync("/api/dev/signin", new() { DataObject = new { role = "coach", displayName = name } });
        signIn.Status.ShouldBe(200, await signIn.TextAsync());
        var id = (await signIn.JsonAsync())!.Value.GetProperty("userId").GetGuid();
        var saved = await api.PutAsync("/api/matching/coach/profile", new() { DataObject = profile });
        saved.Status.ShouldBe(204, await saved.TextAsync());
        var created = await api.PostAsync("/api/matching/coach/listings", new() { DataObject = Samples.Listing(price: price, currency: currency) });
        created.Status.ShouldBe(201, await created.TextAsync());
        var listingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/matching/coach/listings/{listingId}/publish")).Status.ShouldBe(200);
        await context.CloseAsync();
        await PublishAsync(new CoachPayoutStatusChanged(id, true, DateTime.UtcNow));
        return id;
    }

    private async Task PublishAsync(INotification notification)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    private static object Profile(string headline, string[] companies, string[] types, string[] roles, string[] languages,
        string[]? skills = null, string[]? interviewedFor = null, object[]? availability = null) => new
    {
        headline, bio = "I coach.", yearsOfExperience = 10, companies, interviewedFor = interviewedFor ?? [], skills = skills ?? [], roles, interviewTypes = types,
        coachedCounts = new Dictionary<string, int>(), languages, timeZone = "Europe/Berlin", availability = availability ?? [], isPublished = true,
    };

    /// <summary>Four coaches to tell apart and eighteen alike, so the directory has two pages (20 a page).</summary>
    private async Task SeedAsync()
    {
        var ada = await ListedCoachAsync("Ada Lovelace", Profile("Compiler engineer", ["Google"], ["coding"], ["backend"], ["en"], skills: ["Python"],
            interviewedFor: ["Meta"], availability: [Samples.Slot("Monday", "18:00", "21:00")]), 8000);
        var grace = await ListedCoachAsync("Grace Hopper", Profile("Staff engineer at a bank", ["Stripe"], ["system_design"], ["backend"], ["en", "de"],
            availability: [Samples.Slot("Tuesday", "09:00", "12:00")]), 15000);
        var linus = await ListedCoachAsync("Linus Kernel", Profile("Kernel hacker", ["Google", "Meta"], ["coding", "system_design"], ["sre"], ["en"],
            skills: ["Go", "Kubernetes"]), 10000, "EUR");
        var margaret = await ListedCoachAsync("Margaret Moon", Profile("Frontend lead", ["Zalando"], ["coding"], ["frontend"], ["en", "fr"], skills: ["React"]), 6000);
        for (var i = 1; i <= Fillers; i++)
            await ListedCoachAsync($"Filler Coach {i:00}", Profile("Mock interviewer", [], ["behavioural"], ["backend"], ["en"]), 10000 + i * 100);
        var now = DateTime.UtcNow;
        await PublishAsync(new CoachRatingChanged(grace, 4.9, 10, now));
        await PublishAsync(new CoachRatingChanged(ada, 4.5, 4, now));
        await PublishAsync(new CoachRatingChanged(margaret, 3.0, 5, now));
        await PublishAsync(new CoachResponsivenessMeasured(linus, 5, 4, 0, now));
        await PublishAsync(new CoachResponsivenessMeasured(margaret, 30, 4, 0, now));
        await PublishAsync(new CoachResponsivenessMeasured(ada, 600, 4, 0, now));
    }

    private static ILocator Names(IPage page) => page.Locator("[data-testid=coach-card] h2");

    private static ILocator Count(IPage page) => page.Locator("[data-testid=result-count]");

    /// <summary>Presses the form's Search button and waits for the answer.</summary>
    private static async Task SearchAsync(IPage page)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.Locator("#coach-filters").GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/coaches?", StringComparison.Ordinal) && r.Request.Method == "GET");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task TypeSearchAsync(IPage page, string text)
    {
        await page.GetByLabel("Search names, headlines, companies and skills").FillAsync(text);
        await SearchAsync(page);
    }

    private static Task Select(IPage page, string label, string value) => page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(value);

    private static async Task ShowsAsync(IPage page, params string[] names)
    {
        await Assertions.Expect(Names(page)).ToHaveTextAsync(names);
        await Assertions.Expect(Count(page)).ToContainTextAsync($"{names.Length} listed coach{(names.Length == 1 ? "" : "es")}.");
    }

    private async Task<IPage> PageAsync(int width = 1280)
    {
        var context = await browser.Instance.NewContextAsync(new()
        {
            BaseURL = _app.ServerAddress.ToString(), TimezoneId = "Europe/Berlin", Locale = "en-GB", ViewportSize = new() { Width = width, Height = 844 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static readonly string[] FillersNewestFirst = Enumerable.Range(1, Fillers).Reverse().Select(i => $"Filler Coach {i:00}").ToArray();

    [Fact]
    public async Task A_visitor_searches_filters_sorts_pages_shares_and_clears_the_directory()
    {
        await SeedAsync();
        var page = await PageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        // Newest coaches first, twenty a page; next and previous.
        await page.GotoAsync("/coaches");
        await Assertions.Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("");
        await Assertions.Expect(Names(page)).ToHaveTextAsync([.. FillersNewestFirst, "Margaret Moon", "Linus Kernel"]);
        await Assertions.Expect(Count(page)).ToContainTextAsync("22 listed coaches.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveTextAsync(["Grace Hopper", "Ada Lovelace"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(Names(page)).ToHaveTextAsync([.. FillersNewestFirst, "Margaret Moon", "Linus Kernel"]);

        // Search by a name, a company (worked at, or interviewed for), a skill.
        await TypeSearchAsync(page, "lovelace");
        await ShowsAsync(page, "Ada Lovelace");
        await TypeSearchAsync(page, "Google");
        await ShowsAsync(page, "Linus Kernel", "Ada Lovelace");
        await TypeSearchAsync(page, "meta");
        await ShowsAsync(page, "Linus Kernel", "Ada Lovelace");
        await Assertions.Expect(page.Locator("[data-testid=coach-card]", new() { HasText = "Ada Lovelace" })).ToContainTextAsync("Has interviewed for Meta");
        await TypeSearchAsync(page, "kubernetes");
        await ShowsAsync(page, "Linus Kernel");
        await TypeSearchAsync(page, "engineer bank");
        await ShowsAsync(page, "Grace Hopper");

        // A price range in dollars, then each sort of the result.
        await page.GotoAsync("/coaches");
        await page.GetByLabel("Lowest price").FillAsync("50");
        await page.GetByLabel("Highest price").FillAsync("90.00");
        await SearchAsync(page);
        await ShowsAsync(page, "Margaret Moon", "Ada Lovelace");
        await Select(page, "Sort by", "price");
        await SearchAsync(page);
        await ShowsAsync(page, "Margaret Moon", "Ada Lovelace");
        await Assertions.Expect(page.GetByLabel("Lowest price")).ToHaveValueAsync("50");

        // Interview type, role, language, a weekly hour (a visitor's hours are UTC: Monday 18–21 in Berlin holds 18:00 UTC all year).
        await page.GotoAsync("/coaches");
        await Select(page, "Interview type", "system_design");
        await SearchAsync(page);
        await ShowsAsync(page, "Linus Kernel", "Grace Hopper");
        await Select(page, "Role", "backend");
        await SearchAsync(page);
        await ShowsAsync(page, "Grace Hopper");
        await page.GotoAsync("/coaches");
        await Select(page, "Language", "de");
        await SearchAsync(page);
        await ShowsAsync(page, "Grace Hopper");
        await page.GotoAsync("/coaches");
        await Select(page, "Role", "frontend");
        await SearchAsync(page);
        await ShowsAsync(page, "Margaret Moon");
        await page.GotoAsync("/coaches");
        await Assertions.Expect(page.Locator("#coach-filters legend", new() { HasText = "Available at" })).ToHaveTextAsync("Available at (UTC)");
        await Select(page, "Day", "monday");
        await Select(page, "Hour", "18");
        await SearchAsync(page);
        await ShowsAsync(page, "Ada Lovelace");

        // The coding coaches by rating, by responsiveness and by price (Linus prices in euros only, so last in dollars).
        await page.GotoAsync("/coaches");
        await Select(page, "Interview type", "coding");
        await Select(page, "Sort by", "rating");
        await SearchAsync(page);
        await ShowsAsync(page, "Ada Lovelace", "Margaret Moon", "Linus Kernel");
        await Select(page, "Sort by", "responsiveness");
        await SearchAsync(page);
        await ShowsAsync(page, "Linus Kernel", "Margaret Moon", "Ada Lovelace");
        await Select(page, "Sort by", "price");
        await SearchAsync(page);
        await ShowsAsync(page, "Margaret Moon", "Ada Lovelace", "Linus Kernel");

        // The link, opened by someone else, shows the same.
        var shared = await PageAsync();
        await shared.GotoAsync(page.Url);
        await ShowsAsync(shared, "Margaret Moon", "Ada Lovelace", "Linus Kernel");
        await Assertions.Expect(shared.GetByLabel("Sort by")).ToHaveValueAsync("price");
        await Assertions.Expect(shared.GetByLabel("Interview type")).ToHaveValueAsync("coding");
        await shared.Context.CloseAsync();

        // Nobody fits: the count says so, and Clear filters brings everyone back.
        await TypeSearchAsync(page, "nobody-like-this");
        await Assertions.Expect(Names(page)).ToHaveCountAsync(0);
        await Assertions.Expect(Count(page)).ToContainTextAsync("0 listed coaches.");
        await Assertions.Expect(page.GetByText("No coach fits all of these.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/coaches$"));
        await Assertions.Expect(Count(page)).ToContainTextAsync("22 listed coaches.");
        await Assertions.Expect(page.GetByLabel("Search names, headlines, companies and skills")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Interview type")).ToHaveValueAsync("");

        // An hour that is not a number (an edited link) is named, not ignored.
        await page.GotoAsync("/coaches?day=monday&hour=seven");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The hour is not a number");
        await Assertions.Expect(Names(page)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await Assertions.Expect(Count(page)).ToContainTextAsync("22 listed coaches.");
        errors.ShouldBeEmpty("no CSP violations or script errors on the way");
    }

    [Fact]
    public async Task A_signed_in_coachee_sorts_by_best_match_filters_by_an_hour_in_their_zone_and_shares_the_link_at_phone_size()
    {
        await SeedAsync();
        var page = await PageAsync(width: 390);
        // A coachee who lives in Berlin (the development sign-in's people are in UTC unless told).
        var signIn = await page.Context.APIRequest.PostAsync("/api/dev/signin", new() { DataObject = new { role = "coachee", displayName = "Casey Coachee", timeZone = "Europe/Berlin" } });
        signIn.Status.ShouldBe(200, await signIn.TextAsync());
        var quiz = await page.Context.APIRequest.PostAsync("/api/matching/quiz/submit", new()
        {
            DataObject = Samples.Quiz(companies: ["Meta"], types: ["system_design"], availability: [Samples.Slot("Monday", "18:00", "21:00")]),
        });
        quiz.Status.ShouldBe(204, await quiz.TextAsync());

        // Best match is the default and follows the matches page, reasons there included.
        await page.GotoAsync("/matches");
        var ranked = (await page.Locator("[data-testid=match] h2").AllTextContentsAsync()).Select(t => t.Trim()).Take(4).ToArray();
        ranked[0].ShouldBe("Ada Lovelace");
        await Assertions.Expect(page.Locator("[data-testid=match]").First).ToContainTextAsync("Has interviewed for Meta");
        await page.GotoAsync("/coaches");
        await Assertions.Expect(page.GetByLabel("Sort by")).ToHaveValueAsync("match");
        await Assertions.Expect(Names(page).First).ToHaveTextAsync("Ada Lovelace");
        (await Names(page).AllTextContentsAsync()).Take(4).ShouldBe(ranked);

        await TypeSearchAsync(page, "engineer");
        await ShowsAsync(page, "Ada Lovelace", "Grace Hopper");

        // 20:00 on Monday in Berlin, the coachee's zone; the link keeps the zone, so a visitor sees the same coach.
        await page.GotoAsync("/coaches");
        await Assertions.Expect(page.Locator("#coach-filters legend", new() { HasText = "Available at" })).ToHaveTextAsync("Available at (your time, Europe/Berlin)");
        await Select(page, "Day", "monday");
        await Select(page, "Hour", "20");
        await page.GetByLabel("Highest price").FillAsync("100");
        await SearchAsync(page);
        await ShowsAsync(page, "Ada Lovelace");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();

        var visitor = await PageAsync(width: 390);
        await visitor.GotoAsync(page.Url);
        await ShowsAsync(visitor, "Ada Lovelace");
        await Assertions.Expect(visitor.GetByLabel("Hour")).ToHaveValueAsync("20");
        await Assertions.Expect(visitor.Locator("#coach-filters legend", new() { HasText = "Available at" })).ToHaveTextAsync("Available at (Europe/Berlin)");

        // A form error at phone size: readable, announced, and axe-clean.
        await visitor.GotoAsync("/coaches?minPrice=abc");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        (await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        var axeError = await visitor.RunAxe();
        axeError.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await visitor.Context.CloseAsync();
    }
}
