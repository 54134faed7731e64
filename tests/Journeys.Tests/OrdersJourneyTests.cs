using MediatR;
using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OrdersJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };
    private static readonly Dictionary<Guid, ListingForPurchase> Listings = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.ConfigureServices = s =>
        {
            s.AddTransient<IRequestHandler<GetListingForPurchase, ListingForPurchase?>, MatchingStandInListings>();
            s.AddTransient<IRequestHandler<GetCoachAvailability, CoachAvailability?>, MatchingStandInAvailability>();
        };
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_coachee_buys_a_package_with_the_simulator_and_the_admin_refunds_part_of_it()
    {
        var errors = new List<string>();
        // The coach connects payouts (the simulator completes onboarding at once).
        var coachPage = await browser.NewPageAsync(_app.ServerAddress);
        coachPage.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        var coachId = await JourneysApp.SignInAsNewAsync(coachPage, "coach", "Journey Coach");
        await coachPage.GotoAsync("/coach/payouts");
        // The form posts back to the page it is on: wait for what the new page shows, not for a URL that already matches.
        await coachPage.ClickAsync("[data-testid=connect]");
        await Assertions.Expect(coachPage.Locator("[data-testid=payout-status]")).ToContainTextAsync("Payouts: enabled");

        var listing = new ListingForPurchase(Guid.NewGuid(), coachId, "System design package", ListingKind.Package, 2, 60, 20000, "USD", true, true);
        lock (Listings) Listings[listing.ListingId] = listing;

        // The coachee buys the package: two slots, the simulator pays, the webhook confirms.
        var page = await browser.NewPageAsync(_app.ServerAddress);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Journey Coachee");
        await page.GotoAsync($"/checkout/{listing.ListingId}");
        (await page.Locator("[data-testid=fee]").TextContentAsync())!.ShouldContain("USD 30.00");
        await page.Locator("[data-testid=slot]").Nth(0).CheckAsync();
        await page.Locator("[data-testid=slot]").Nth(3).CheckAsync();
        await page.ClickAsync("[data-testid=pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/simulator/checkout/"));
        (await page.Locator("[data-testid=simulator-banner]").TextContentAsync())!.ShouldContain("Payment simulator — no real money");
        await page.ClickAsync("[data-testid=sim-pay]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}"));
        await Assertions.Expect(page.Locator("[data-testid=order-state]")).ToHaveTextAsync("Paid", new() { Timeout = 20_000 });
        var orderId = page.Url.Split("/orders/")[1].Split('?')[0];

        // The admin finds the order, refunds part of it, and the timeline shows each step.
        var admin = await browser.NewPageAsync(_app.ServerAddress);
        admin.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await JourneysApp.SignInAsNewAsync(admin, "admin", "Journey Admin");
        await admin.GotoAsync("/admin/orders");
        await admin.FillAsync("input[name='Query.Q']", orderId);
        await admin.ClickAsync("[data-testid=filter]");
        await admin.ClickAsync("text=System design package");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/orders/{orderId}$"));
        await admin.FillAsync("[data-testid=refund-form] input[name=amount]", "50");
        await admin.FillAsync("[data-testid=refund-form] input[name=reason]", "One session was shorter");
        await admin.CheckAsync("[data-testid=refund-confirm]");
        await admin.ClickAsync("[data-testid=refund]");
        await Assertions.Expect(admin.Locator("[data-testid=timeline]")).ToContainTextAsync("Refund of USD 50.00 requested", new() { Timeout = 20_000 });
        for (var i = 0; i < 40 && !(await admin.Locator("[data-testid=order-state]").TextContentAsync())!.Contains("Partially refunded"); i++)
        {
            await Task.Delay(250);
            await admin.ReloadAsync();
        }
        (await admin.Locator("[data-testid=order-state]").TextContentAsync())!.ShouldContain("Partially refunded");
        (await admin.Locator("[data-testid=refunded]").TextContentAsync())!.ShouldContain("USD 50.00");
        var timeline = (await admin.Locator("[data-testid=timeline]").TextContentAsync())!;
        timeline.ShouldContain("Order created");
        timeline.ShouldContain("Checkout Session cs_sim_");
        timeline.ShouldContain("Payment of USD 200.00 confirmed");
        timeline.ShouldContain("2 session(s) booked");
        timeline.ShouldContain("Refund of USD 50.00 requested: One session was shorter");
        timeline.ShouldContain("Refunded USD 50.00");
        timeline.ShouldContain("evt_sim_");
        errors.ShouldBeEmpty("no CSP violations or script errors on the way: " + string.Join(" | ", errors));
    }

    /// <summary>STAND-IN for Matching (built in parallel): the journey's listing.</summary>
    private sealed class MatchingStandInListings : IRequestHandler<GetListingForPurchase, ListingForPurchase?>
    {
        public Task<ListingForPurchase?> Handle(GetListingForPurchase r, CancellationToken ct)
        {
            lock (Listings) return Task.FromResult(Listings.GetValueOrDefault(r.ListingId));
        }
    }

    /// <summary>STAND-IN for Matching: every coach is available 08:00–20:00 Berlin time, every day.</summary>
    private sealed class MatchingStandInAvailability : IRequestHandler<GetCoachAvailability, CoachAvailability?>
    {
        public Task<CoachAvailability?> Handle(GetCoachAvailability r, CancellationToken ct) =>
            Task.FromResult<CoachAvailability?>(new CoachAvailability(r.CoachId, "Europe/Berlin",
                Enum.GetValues<DayOfWeek>().Select(d => new WeeklyWindow(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList()));
    }
}
