using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MediatR;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>A coachee uploads a CV, sees what we read from it, removes an item, and finds what was read in the match reasons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CvReadingJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };
    private readonly string _cvDirectory = Path.Combine(Path.GetTempPath(), "tic-cv-reading-journey-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["Matching:CvStoragePath"] = _cvDirectory;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_cvDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task ListedCoachAsync(string name, string[] skills, string[] companies, int coached)
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var id = await JourneysApp.SignInAsNewAsync(page, "coach", name);
        var api = page.Context.APIRequest;
        var saved = await api.PutAsync("/api/matching/coach/profile", new()
        {
            DataObject = new
            {
                headline = "Backend coach", bio = "", yearsOfExperience = 10, companies, skills, roles = new[] { "backend" }, interviewTypes = new[] { "system_design" },
                coachedCounts = new Dictionary<string, int> { ["system_design"] = coached }, languages = new[] { "en" }, timeZone = "Europe/Berlin",
                availability = new object[] { new { day = "Monday", start = "18:00", end = "21:00" } }, isPublished = true,
            },
        });
        saved.Status.ShouldBe(204, await saved.TextAsync());
        var created = await api.PostAsync("/api/matching/coach/listings", new() { DataObject = new { title = "Mock", description = "", kind = "Single", sessions = 1, sessionMinutes = 60, priceMinor = 10000, currency = "USD" } });
        var listingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/matching/coach/listings/{listingId}/publish")).Status.ShouldBe(200);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new CoachPayoutStatusChanged(id, true, DateTime.UtcNow));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_coachee_sees_what_was_read_from_the_cv_removes_an_item_and_finds_the_rest_in_the_match_reasons()
    {
        await ListedCoachAsync("Kim Kubernetes", ["Kubernetes", "Go"], ["Stripe"], coached: 0);
        await ListedCoachAsync("Pat Python", ["Python"], [], coached: 40);

        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Robin Reader");
        var quiz = await page.Context.APIRequest.PostAsync("/api/matching/quiz/submit", new() { DataObject = Samples.Quiz(companies: []) });
        quiz.Status.ShouldBe(204, await quiz.TextAsync());

        await page.GotoAsync("/cv");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "robin-cv.pdf", MimeType = "application/pdf",
            Buffer = TinyPdf.Text("Robin Reader", "Skills: k8s, Golang, Python", "Experience", "Senior Backend Engineer, Stripe, 2018 - present"),
        });
        await page.ClickAsync("[data-testid=cv-upload]");

        // What we read, in the coachee's words: the aliases became the names coaches choose from.
        var reading = page.Locator("[data-testid=cv-reading]");
        await Assertions.Expect(reading.GetByRole(AriaRole.Heading, new() { Name = "What we read from your CV" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=cv-skills] li")).ToHaveCountAsync(3);
        (await page.Locator("[data-testid=cv-skills]").TextContentAsync())!.ShouldContain("Kubernetes");
        (await page.Locator("[data-testid=cv-employers]").TextContentAsync())!.ShouldContain("Stripe");
        (await page.InputValueAsync("#cv-title")).ShouldBe("Senior Backend Engineer");
        (await page.InputValueAsync("#cv-seniority")).ShouldBe("senior");

        // Python is not what they want coaching in: remove it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Python" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed “Python”");
        await Assertions.Expect(page.Locator("[data-testid=cv-skills] li")).ToHaveCountAsync(2);
        (await page.Locator("[data-testid=cv-skills]").TextContentAsync())!.ShouldNotContain("Python");

        // The page passes axe and fits a phone.
        var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GotoAsync("/matches");
        var first = page.Locator("[data-testid=match]").First;
        (await first.Locator("h2").TextContentAsync())!.ShouldContain("Kim Kubernetes");
        var reasons = (await first.Locator("[data-testid=reasons]").TextContentAsync())!;
        reasons.ShouldContain("Coaches Kubernetes and Go, from your CV");
        (await page.Locator("[data-testid=reasons]").AllTextContentsAsync()).ShouldAllBe(r => !r.Contains("Python"));
        errors.ShouldBeEmpty("no CSP violations or script errors on the way");
    }
}
