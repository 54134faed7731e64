namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// A package from purchase to its sessions, in Chromium against the real modules and the payment simulator: paid without
/// choosing times, booked one by one from the week view, one moved, and the meeting link on the session's page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_coachee_buys_a_package_books_its_sessions_one_by_one_from_the_week_view_moves_one_and_sees_where_to_meet()
    {
        var listingId = await CheckoutJourneyTests.CoachWithListingAsync(browser, _app, "Week Coach", sessions: 3);
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Week Coachee");

        // Pay for the package without choosing any time.
        await page.GotoAsync($"/checkout/{listingId}");
        await Assertions.Expect(page.Locator("[data-testid=package-note]")).ToContainTextAsync("book the others one by one");
        await Assertions.Expect(page.Locator("[data-testid=validity]")).ToContainTextAsync("days after paying");
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        await page.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderUrl = page.Url.Split('?')[0];
        await Assertions.Expect(page.Locator("[data-testid=book-next]")).ToContainTextAsync("3 session(s) left to book");

        // Book the three sessions one by one from the week grid: the next week for the last one.
        var booked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync(orderUrl);
            await page.ClickAsync("[data-testid=book-session]");
            await Assertions.Expect(page.Locator("[data-testid=week-day]")).ToHaveCountAsync(7);
            if (i == 2)
            {
                var title = await page.Locator("[data-testid=week-title]").TextContentAsync();
                await page.ClickAsync("[data-testid=next-week]");
                await Assertions.Expect(page.Locator("[data-testid=week-title]")).Not.ToHaveTextAsync(title!);
            }
            var slot = page.Locator("[data-testid=slot]").Nth(2 * i + 1);
            booked.Add((await slot.GetAttributeAsync("data-starts"))!);
            await page.Locator($"label[for='{await slot.GetAttributeAsync("id")}']").ClickAsync();
            await page.ClickAsync("[data-testid=choose-slot]");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("is booked");
            await Assertions.Expect(page.Locator("[data-testid=meeting-link]")).ToHaveAttributeAsync("href", new Regex("^https://meet\\.jit\\.si/tic-[0-9a-f]{24}$"));
        }
        booked.Distinct().Count().ShouldBe(3);
        await page.GotoAsync(orderUrl);
        await Assertions.Expect(page.Locator("[data-testid=book-next]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=session]", new() { HasText = "Booked" })).ToHaveCountAsync(3);

        // Move the first session: it is days away, so the coachee moves it at once.
        await page.Locator("[data-testid=session-page]").First.ClickAsync();
        var sessionUrl = page.Url;
        var before = await page.Locator("[data-testid=session-time]").TextContentAsync();
        await page.ClickAsync("[data-testid=reschedule]");
        var newSlot = page.Locator("[data-testid=slot]").Nth(4);
        await page.Locator($"label[for='{await newSlot.GetAttributeAsync("id")}']").ClickAsync();
        await page.ClickAsync("[data-testid=choose-slot]");
        await Assertions.Expect(page).ToHaveURLAsync(sessionUrl);
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("now takes place on");
        await Assertions.Expect(page.Locator("[data-testid=session-time]")).Not.ToHaveTextAsync(before!);
        await Assertions.Expect(page.Locator("[data-testid=meeting-link]")).ToHaveAttributeAsync("href", new Regex("^https://meet\\.jit\\.si/tic-"));

        // The order's record names every step.
        await page.GotoAsync(orderUrl);
        errors.ShouldBeEmpty();
    }
}
