namespace TechInterviewCoach.Journeys.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["DemoData:Seed"] = "true";
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_visitor_reads_the_home_page_and_signs_in_as_a_demo_coachee()
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync("/");
        (await page.Locator("h1").TextContentAsync())!.ShouldContain("tech interview");
        await page.ClickAsync("text=Sign in");
        await page.ClickAsync("text=Development sign-in with a demo account");
        await page.ClickAsync("[data-testid=dev-signin-coachee]");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_app.ServerAddress, "/home").ToString()); // the coachee's start page, not the marketing page
        (await page.Locator("nav").TextContentAsync())!.ShouldContain("Sign out");
        errors.ShouldBeEmpty("no CSP violations or script errors on the way");
    }
}
