using MediatR;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatchingJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<Guid> ListedCoachAsync(string name, object profile, object listing)
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var id = await JourneysApp.SignInAsNewAsync(page, "coach", name);
        var api = page.Context.APIRequest;
        (await api.PutAsync("/api/matching/coach/profile", new() { DataObject = profile })).Status.ShouldBe(204);
        var created = await api.PostAsync("/api/matching/coach/listings", new() { DataObject = listing });
        created.Status.ShouldBe(201, await created.TextAsync());
        var listingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/matching/coach/listings/{listingId}/publish")).Status.ShouldBe(200);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new CoachPayoutStatusChanged(id, true, DateTime.UtcNow));
        await page.Context.CloseAsync();
        return id;
    }

    [Fact]
    public async Task A_coachee_takes_the_quiz_uploads_a_cv_and_sees_ranked_coaches_with_reasons()
    {
        var evenings = new object[] { new { day = "Monday", start = "18:00", end = "21:00" }, new { day = "Thursday", start = "18:00", end = "20:00" } };
        await ListedCoachAsync("Sofia Systems", new
        {
            headline = "Staff engineer, system design", bio = "Ex-Google.", yearsOfExperience = 12, companies = new[] { "Google" }, roles = new[] { "backend" },
            interviewTypes = new[] { "system_design", "coding" }, coachedCounts = new Dictionary<string, int> { ["system_design"] = 40 },
            languages = new[] { "en", "de" }, timeZone = "Europe/Berlin", availability = evenings, isPublished = true,
        }, new { title = "System design mock", description = "60 minutes.", kind = "Single", sessions = 1, sessionMinutes = 60, priceMinor = 12000, currency = "USD" });
        await ListedCoachAsync("Felix Frontend", new
        {
            headline = "Frontend lead", bio = "", yearsOfExperience = 6, companies = new[] { "Zalando" }, roles = new[] { "frontend" },
            interviewTypes = new[] { "coding" }, coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" }, timeZone = "Asia/Tokyo",
            availability = new object[] { new { day = "Tuesday", start = "09:00", end = "11:00" } }, isPublished = true,
        }, new { title = "Frontend coding mock", description = "", kind = "Single", sessions = 1, sessionMinutes = 60, priceMinor = 30000, currency = "USD" });

        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Casey Coachee");

        // The quiz: one form, wrapped so analytics never record it.
        await page.GotoAsync("/quiz");
        (await page.Locator("div.ph-no-capture[data-sensitive=true] #quiz-form").CountAsync()).ShouldBe(1);
        await page.CheckAsync("input[name='Input.TargetRoles'][value=backend]");
        await page.SelectOptionAsync("select[name='Input.Seniority']", "senior");
        await page.FillAsync("input[name='Input.TargetCompanies']", "Google, Stripe");
        await page.CheckAsync("input[name='Input.InterviewTypes'][value=system_design]");
        await page.CheckAsync("input[name='Input.Languages'][value=en]");
        await page.FillAsync("input[name='Input.TimeZone']", "Europe/Berlin");
        await page.FillAsync("input[name='Input.Budget']", "150");
        await page.SelectOptionAsync("select[name='Input.BudgetCurrency']", "USD");
        await page.SelectOptionAsync("select[name='Input.Availability[0].Day']", "Monday");
        await page.FillAsync("input[name='Input.Availability[0].Start']", "18:00");
        await page.FillAsync("input[name='Input.Availability[0].End']", "21:00");
        await page.ClickAsync("[data-testid=quiz-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/matches$"));

        // The CV: a small generated PDF.
        await page.GotoAsync("/cv");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "casey-cv.pdf", MimeType = "application/pdf",
            Buffer = Samples.Pdf(),
        });
        await page.ClickAsync("[data-testid=cv-upload]");
        (await page.Locator("[data-testid=cv-current]").TextContentAsync())!.ShouldContain("casey-cv.pdf");

        // Ranked coaches with the reasons.
        await page.GotoAsync("/matches");
        var first = page.Locator("[data-testid=match]").First;
        (await first.Locator("h2").TextContentAsync())!.ShouldContain("Sofia Systems");
        var reasons = (await first.Locator("[data-testid=reasons]").TextContentAsync())!;
        reasons.ShouldContain("Coached system design for 40 people");
        reasons.ShouldContain("Overlaps 3 of your weekly hours");
        reasons.ShouldContain("Within your budget (USD 120.00 per session)");
        reasons.ShouldContain("Worked at Google");
        (await page.Locator("[data-testid=match]").CountAsync()).ShouldBe(2);
        errors.ShouldBeEmpty("no CSP violations or script errors on the way");
    }
}
