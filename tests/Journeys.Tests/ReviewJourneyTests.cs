using Microsoft.Extensions.Time.Testing;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Issue 15 in Chromium: after a paid package the clock passes the 48 hours, nobody reports a problem, the coachee's start
/// page asks for reviews, the review form says reviews are public, and the coach's profile and the matches show the rating.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite, Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task After_a_paid_package_and_48_quiet_hours_the_coachee_reviews_and_sees_the_rating_on_the_profile_and_in_the_matches()
    {
        var listingId = await CheckoutJourneyTests.CoachWithListingAsync(browser, _app, "Rita Rated", 3);
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Jo Journey");
        (await page.Context.APIRequest.PostAsync("/api/matching/quiz/submit", new() { DataObject = Samples.Quiz(types: ["coding"]) })).Status.ShouldBe(204);

        await page.GotoAsync($"/checkout/{listingId}");
        for (var i = 0; i < 3; i++) await page.Locator("[data-testid=slot]").Nth(2 * i).CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        await page.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderId = page.Url.Split('/').Last();
        var order = (await (await page.Context.APIRequest.GetAsync($"/api/orders/{orderId}")).JsonAsync())!.Value;
        var coachId = order.GetProperty("coachId").GetGuid();
        var lastEnd = order.GetProperty("sessionsBooked").EnumerateArray().Max(s => s.GetProperty("endsAt").GetDateTime().ToUniversalTime());

        // Nobody reports anything; 48 hours after the last session ends, all three are completed.
        _app.Clock!.SetUtcNow(new DateTimeOffset(lastEnd, TimeSpan.Zero).AddHours(48).AddMinutes(1));
        await page.GotoAsync("/home");
        var followUps = page.Locator("[data-testid=follow-up][data-kind=write_review]");
        await Assertions.Expect(followUps).ToHaveCountAsync(3);

        var ratings = new[] { 5, 5, 4 };
        foreach (var (rating, n) in ratings.Select((r, n) => (r, n)))
        {
            await page.GotoAsync("/home");
            await page.Locator("[data-testid=follow-up][data-kind=write_review] a").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sessions/[0-9a-f-]{36}/review$"));
            await Assertions.Expect(page.Locator("[data-testid=public-notice]")).ToContainTextAsync("Reviews are public");
            await page.Locator($"[data-testid=rating-{rating}]").CheckAsync();
            await page.FillAsync("[data-testid=review-text-input]", $"Session {n + 1}: concrete feedback on my coding round.");
            await page.ClickAsync("[data-testid=submit-review]");
            await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("your review is on the coach's profile");
            await Assertions.Expect(page.Locator("[data-testid=review-text]")).ToContainTextAsync($"Session {n + 1}");
        }
        await page.GotoAsync("/home");
        await Assertions.Expect(page.Locator("[data-testid=follow-up][data-kind=write_review]")).ToHaveCountAsync(0);
        await page.GotoAsync($"/orders/{orderId}");
        await Assertions.Expect(page.Locator("[data-testid=session-outcome-card] [data-testid=session-outcome]")).ToHaveTextAsync(["Completed", "Completed", "Completed"]);

        // The coach's profile: average, count and the reviews (published through the outbox to Matching).
        await page.GotoAsync($"/coaches/{coachId}");
        await Assertions.Expect(page.Locator("[data-testid=reviews] [data-testid=rating-average]")).ToHaveTextAsync("4.7", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=reviews] [data-testid=rating-count]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=review]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=review-author]").First).ToHaveTextAsync("Jo J.");

        // The matches: the card shows the rating, and "Why this rank" names it with its points (published through the outbox).
        var card = page.Locator($"[data-testid=match][data-coach-id='{coachId}']");
        var why = card.Locator("details");
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.GotoAsync("/matches");
            if ((await why.TextContentAsync() ?? "").Contains("Rated 4.7 by 3 coachees")) break;
            await Task.Delay(250);
        }
        await why.Locator("summary").ClickAsync();
        await Assertions.Expect(why).ToContainTextAsync("Rated 4.7 by 3 coachees (+3)");
        await Assertions.Expect(card.Locator("[data-testid=rating]")).ToContainTextAsync("4.7 out of 5 · 3 reviews");
        errors.ShouldBeEmpty("no CSP violations or script errors: " + string.Join(" | ", errors));
    }
}
