namespace TechInterviewCoach.Orders.Tests;

/// <summary>The app with no Stripe key: the payment simulator.</summary>
public sealed class SimulatorApp : AppFactory
{
    public MatchingStandIn Matching { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Stripe:SecretKey"] = "";
        Settings["Stripe:WebhookSecret"] = "";
        Settings["Orders:EventPollInterval"] = "00:00:00.050";
        Settings["Orders:EventRetryBaseDelay"] = "00:00:00.050";
        Settings["Orders:EventRetryMaxDelay"] = "00:00:00.400";
        ConfigureServices = Matching.Register;
    }

    public async Task WaitForEventsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await InScopeAsync(sp => sp.GetRequiredService<OrdersDbContext>().StripeEvents.CountAsync(e => e.Status == StripeEventStatus.Pending)) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException();
            await Task.Delay(25);
        }
    }
}

public sealed class SimulatorTests(SimulatorApp app) : IClassFixture<SimulatorApp>
{
    [Fact]
    public async Task Without_a_Stripe_key_the_simulator_drives_the_same_flow_through_signed_webhook_events()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Sim Coach");
        var link = await (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).ReadJsonAsync<JsonElement>();
        link.GetProperty("url").GetString().ShouldEndWith("/coach/payouts/return");
        (await coach.Client.GetAsync("/coach/payouts/return")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coach.Client.GetJsonAsync<JsonElement>("/api/orders/payouts")).GetProperty("payable").GetBoolean().ShouldBeTrue();

        var listing = app.Matching.AddListing(coach.Id, priceMinor: 15000, sessions: 2);
        var buyer = await app.CreateUserAsync(Roles.Coachee, "Sim Buyer");
        var quote = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/checkout/{listing.ListingId}");
        quote.GetProperty("simulator").GetBoolean().ShouldBeTrue();
        var slots = quote.GetProperty("slots").EnumerateArray().Take(2).Select(s => s.GetProperty("startsAt").GetDateTime()).ToList();
        var started = await (await buyer.Client.PostAsJsonAsync("/api/orders/checkout", new { listingId = listing.ListingId, slotStarts = slots })).ReadJsonAsync<JsonElement>();
        var url = started.GetProperty("checkoutUrl").GetString()!;
        url.ShouldStartWith("/simulator/checkout/cs_sim_");
        var orderId = started.GetProperty("orderId").GetGuid();

        var page = await buyer.Client.GetPageAsync(url);
        page.QuerySelector("[data-testid=simulator-banner]")!.TextContent.ShouldBe("Payment simulator — no real money");
        var pay = await buyer.Client.SubmitFormAsync(page, "form:has([data-testid=sim-pay])");
        pay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pay.Headers.Location!.ToString().ShouldBe($"/orders/{orderId}?checkout=success");
        await app.WaitForEventsAsync();

        var order = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}");
        order.GetProperty("state").GetString().ShouldBe("Paid");
        order.GetProperty("timeline").EnumerateArray().ShouldContain(t => (t.GetProperty("stripeEventId").GetString() ?? "").StartsWith("evt_sim_"));

        var admin = await app.CreateUserAsync(Roles.Admin);
        (await admin.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 5000, reason = "Goodwill" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForEventsAsync();
        order = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}");
        order.GetProperty("state").GetString().ShouldBe("PartiallyRefunded");
        order.GetProperty("refundedMinor").GetInt64().ShouldBe(5000);

        // The webhook endpoint still refuses unsigned events in simulator mode.
        var forged = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(Events.Checkout("checkout.session.completed", orderId)) };
        forged.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()},v1={new string('a', 64)}");
        await (await app.CreateHttpsClient().SendAsync(forged)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
    }
}
