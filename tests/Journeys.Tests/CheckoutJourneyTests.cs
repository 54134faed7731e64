using System.Globalization;
using MediatR;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Checkout as a coachee does it in Chromium, against the real Matching and Orders modules and the payment simulator:
/// Back after paying must never book other times than the chosen ones, and an abandoned checkout can be continued or
/// cancelled, which frees its times at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckoutJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>A coach with payouts connected and one published listing, available every day 08:00–20:00 Berlin time.</summary>
    internal static async Task<Guid> CoachWithListingAsync(Browser browser, JourneysApp app, string name, int sessions)
    {
        var page = await browser.NewPageAsync(app.ServerAddress);
        var coachId = await JourneysApp.SignInAsNewAsync(page, "coach", name);
        await page.GotoAsync("/coach/payouts");
        await page.ClickAsync("[data-testid=connect]");
        await Assertions.Expect(page.Locator("[data-testid=payout-status]")).ToContainTextAsync("Payouts: enabled");
        var api = page.Context.APIRequest;
        var every = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, start = "08:00", end = "20:00" }).ToArray();
        (await api.PutAsync("/api/matching/coach/profile", new()
        {
            DataObject = new
            {
                headline = "Mock interviews", bio = "", yearsOfExperience = 8, companies = new[] { "Google" }, roles = new[] { "backend" },
                interviewTypes = new[] { "coding" }, coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" },
                timeZone = "Europe/Berlin", availability = every, isPublished = true,
            },
        })).Status.ShouldBe(204);
        var created = await api.PostAsync("/api/matching/coach/listings", new()
        {
            DataObject = new
            {
                title = sessions == 1 ? "Coding mock" : $"Coding package of {sessions}", description = "60 minutes each.",
                kind = sessions == 1 ? "Single" : "Package", sessions, sessionMinutes = 60, priceMinor = 10000 * sessions, currency = "EUR",
            },
        });
        created.Status.ShouldBe(201, await created.TextAsync());
        var listingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/matching/coach/listings/{listingId}/publish")).Status.ShouldBe(200);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new CoachPayoutStatusChanged(coachId, true, DateTime.UtcNow));
        await page.Context.CloseAsync();
        return listingId;
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The UTC starts of the sessions the order page lists as booked.</summary>
    private static async Task<List<DateTime>> BookedStartsAsync(IPage page)
    {
        var rows = page.Locator("table tr", new() { HasText = "Booked" });
        var result = new List<DateTime>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            result.Add(Utc((await rows.Nth(i).Locator("time").First.GetAttributeAsync("datetime"))!));
        return result.Order().ToList();
    }

    private static async Task<IPage> PaidOrderPageAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        await page.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/orders/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        return page;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Paying_then_pressing_back_and_paying_again_books_exactly_the_chosen_times(int sessions)
    {
        var listingId = await CoachWithListingAsync(browser, _app, $"Back Coach {sessions}", sessions);
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Back Button Coachee");

        await page.GotoAsync($"/checkout/{listingId}");
        var slots = page.Locator("[data-testid=slot]");
        var chosen = new List<DateTime>();
        foreach (var index in Enumerable.Range(0, sessions).Select(i => 1 + 2 * i))
        {
            await slots.Nth(index).CheckAsync();
            chosen.Add(Utc((await slots.Nth(index).GetAttributeAsync("value"))!));
        }
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        var firstCheckout = page.Url;

        // Back to the checkout page, then pay again with whatever the page offers.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/checkout/{listingId}$"));
        var pending = page.Locator("[data-testid=pending-checkout]");
        if (await pending.CountAsync() > 0)
        {
            // The page shows the held times, in the coachee's zone, and continues the same checkout.
            var times = page.Locator("[data-testid=pending-times]");
            var zone = TimeZoneInfo.FindSystemTimeZoneById((await times.GetAttributeAsync("data-zone"))!);
            var shown = (await times.TextContentAsync())!;
            foreach (var start in chosen)
                shown.ShouldContain(TimeZoneInfo.ConvertTimeFromUtc(start, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture));
            await page.ClickAsync("[data-testid=continue-payment]");
            await Assertions.Expect(page).ToHaveURLAsync(firstCheckout);
        }
        else
        {
            await page.ClickAsync("[data-testid=pay]");
        }
        await PaidOrderPageAsync(page);

        (await BookedStartsAsync(page)).ShouldBe(chosen.Order().ToList(), "the order books exactly the times the coachee ticked");
        await page.GotoAsync("/orders");
        (await page.Locator("[data-testid=orders] tr").CountAsync()).ShouldBe(2, "one header row and one order: paying twice made no second order");
        (await page.Locator("[data-testid=pending-checkout]").CountAsync()).ShouldBe(0);
        errors.ShouldBeEmpty("no CSP violations or script errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task An_abandoned_checkout_can_be_continued_or_cancelled_and_cancelling_frees_its_time_at_once()
    {
        var listingId = await CoachWithListingAsync(browser, _app, "Abandon Coach", 1);
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Abandoning Coachee");

        await page.GotoAsync($"/checkout/{listingId}");
        var wanted = (await page.Locator("[data-testid=slot]").Nth(0).GetAttributeAsync("value"))!;
        await page.Locator("[data-testid=slot]").Nth(0).CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));
        var abandonedCheckout = page.Url;

        // The person walks away. Their orders page offers to continue: it leads to the same checkout.
        await page.GotoAsync("/orders");
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToHaveCountAsync(0);
        var pending = page.Locator("[data-testid=pending-checkout]");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await pending.Locator("[data-testid=continue-payment]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(abandonedCheckout);

        // Back on the orders page they cancel it: a message says so, and the time is offered again at once.
        await page.GotoAsync("/orders");
        await page.Locator("[data-testid=pending-checkout] [data-testid=cancel-checkout]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=pending-checkout]")).ToHaveCountAsync(0);
        (await page.Locator("[data-testid=orders]").TextContentAsync())!.ShouldContain("Checkout cancelled");

        // The cancelled checkout can no longer be paid.
        await page.GotoAsync(abandonedCheckout);
        await Assertions.Expect(page.Locator("[data-testid=sim-closed]")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=sim-pay]").CountAsync()).ShouldBe(0);

        await page.GotoAsync($"/checkout/{listingId}");
        var again = page.Locator($"[data-testid=slot][value='{wanted}']");
        await Assertions.Expect(again).ToHaveCountAsync(1);
        await again.CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/simulator/checkout/"));

        // The checkout page itself offers continue and cancel for the new pending checkout; cancel it there too.
        await page.GotoAsync($"/checkout/{listingId}");
        await Assertions.Expect(page.Locator("[data-testid=pending-checkout]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=cancel-checkout]");
        await Assertions.Expect(page.Locator("[data-testid=checkout-message]")).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator($"[data-testid=slot][value='{wanted}']")).ToHaveCountAsync(1);

        // And the time can be bought after all.
        await page.Locator($"[data-testid=slot][value='{wanted}']").CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await PaidOrderPageAsync(page);
        (await BookedStartsAsync(page)).ShouldBe([Utc(wanted)]);
        errors.ShouldBeEmpty("no CSP violations or script errors: " + string.Join(" | ", errors));
    }
}
