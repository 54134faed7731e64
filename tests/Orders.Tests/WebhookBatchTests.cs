using System.Text.Json.Nodes;
using System.Diagnostics.Metrics;
using TechInterviewCoach.Integrations.Contracts;
using TechInterviewCoach.BuildingBlocks.Outbox;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The app with its event processor switched off, so a test applies stored events batch by batch itself.</summary>
public sealed class PausedProcessorApp : OrdersApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Orders:ProcessEvents"] = "false";
        Settings["Orders:EventMaxAttempts"] = "3";
    }

    /// <summary>Applies one batch of the events due now, as the background processor does; returns how many it attempted.</summary>
    internal Task<int> ApplyBatchAsync() => Services.GetRequiredService<StripeEventProcessor>().ProcessDueAsync(50, CancellationToken.None);
}

/// <summary>Issue 17: events stored by group commit and applied in batches, in order per Stripe object (decision 0024).</summary>
public sealed class WebhookBatchTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private static string IdOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

    [Fact]
    public async Task Duplicates_delivered_concurrently_are_stored_once_and_confirm_each_order_once()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orders = new List<Guid>();
        for (var i = 0; i < 6; i++) orders.Add(await app.BuyAsync(buyer, listing.ListingId, skip: i));
        var events = orders.Select(o => Events.Checkout("checkout.session.completed", o)).ToList();

        // Every event three times, all 18 deliveries at once: they share commits, and repeats meet in one.
        var responses = await Task.WhenAll(events.SelectMany(e => new[] { e, e, e }).Select(async body =>
        {
            var response = await app.DeliverAsync(body);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (Id: IdOf(body), Duplicate: (await response.ReadJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        }));
        foreach (var group in responses.GroupBy(r => r.Id))
            group.Count(r => !r.Duplicate).ShouldBe(1, "exactly one delivery of each event stores it; the others are told it is a duplicate");
        var ids = events.Select(IdOf).ToList();
        (await app.Db(db => db.StripeEvents.CountAsync(e => ids.Contains(e.Id)))).ShouldBe(events.Count);

        await app.WaitForEventsAsync();
        var emails = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
            .Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains($"\"{EmailTemplates.OrderPaidCoachee}\"")).Select(m => m.Payload).ToListAsync());
        foreach (var orderId in orders)
        {
            var order = await app.OrderAsync(orderId);
            order.State.ShouldBe(OrderState.Paid);
            order.Timeline.Count(t => t.Description.StartsWith("Payment of")).ShouldBe(1);
            emails.Count(e => e.Contains(orderId.ToString())).ShouldBe(1, "one paid email per order");
        }
    }

    [Fact]
    public async Task The_time_from_receipt_to_an_order_shown_paid_is_recorded_for_each_applied_event()
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var seen = new System.Collections.Concurrent.ConcurrentBag<(double Seconds, string? Type)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == StripeEventProcessor.LagInstrument) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? type = null;
            foreach (var t in tags) if (t.Key == "type") type = t.Value as string;
            seen.Add((value, type));
        });
        listener.Start();

        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        var body = Events.Checkout("checkout.session.completed", orderId);
        (await app.DeliverAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForEventsAsync();

        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Paid);
        var stored = await app.Db(db => db.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == IdOf(body)));
        var paidAfter = (order.PaidAt!.Value - stored.ReceivedAt).TotalSeconds;
        // Recorded just after the commit that the wait above observed.
        for (var i = 0; i < 100 && !seen.Any(s => s.Type == "checkout.session.completed"); i++) await Task.Delay(50);
        var lags = seen.Where(s => s.Type == "checkout.session.completed").Select(s => s.Seconds).ToList();
        lags.ShouldNotBeEmpty("the receipt-to-applied histogram is what an operator watches for 'paid within a second'");
        lags.ShouldContain(s => s >= paidAfter && s < 10, $"one measurement covers this event: paid {paidAfter:0.000} s after receipt");
    }
}

/// <summary>Issue 17: how a batch treats one Stripe object's events and a failing event (decision 0024).</summary>
public sealed class WebhookOrderingTests(PausedProcessorApp app) : IClassFixture<PausedProcessorApp>
{
    private static string IdOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

    private async Task<Guid> NewOrderAsync(TestUser buyer, Guid listingId, int skip) => await app.BuyAsync(buyer, listingId, skip: skip);

    [Fact]
    public async Task One_payments_events_arriving_in_reverse_are_applied_in_Stripes_order_each_at_its_first_attempt()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 10000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await NewOrderAsync(buyer, listing.ListingId, 0);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        var paid = Events.Checkout("checkout.session.completed", orderId, created: t0);
        var refunded = Events.Refunded(orderId, 2500, created: t0.AddMinutes(1));
        var disputed = Events.Dispute("charge.dispute.created", orderId, "needs_response", 7500, created: t0.AddMinutes(2));
        foreach (var body in new[] { disputed, refunded, paid }) (await app.DeliverAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each batch takes only the earliest pending event of the payment: three batches, one event each.
        var rounds = new List<int>();
        for (var i = 0; i < 5 && await app.Db(db => db.StripeEvents.AnyAsync(e => e.Status == StripeEventStatus.Pending)); i++)
            rounds.Add(await app.ApplyBatchAsync());
        rounds.ShouldBe([1, 1, 1]);

        var ids = new[] { paid, refunded, disputed }.Select(IdOf).ToList();
        var stored = await app.Db(db => db.StripeEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync());
        stored.ShouldAllBe(e => e.Status == StripeEventStatus.Processed && e.Attempts == 1,
            "none was tried before the payment it depends on (arrival order would have tried the dispute and refund first)");
        var order = await app.OrderAsync(orderId);
        order.Timeline.Where(t => t.StripeEventId != null).OrderBy(t => t.At).Select(t => t.StripeEventId!).Distinct().ToList().ShouldBe(ids);
        order.DisputeId.ShouldNotBeNull();
        order.RefundedMinor.ShouldBe(2500);
    }

    [Fact]
    public async Task A_batch_with_a_poisoned_event_applies_the_others_and_retries_the_poisoned_one_while_its_payment_waits()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 10000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var healthy = new List<Guid>();
        for (var i = 0; i < 4; i++) healthy.Add(await NewOrderAsync(buyer, listing.ListingId, i));
        var victim = await NewOrderAsync(buyer, listing.ListingId, 4);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        // A Checkout Session event whose object is a charge: Stripe.net reads it, the handler cannot apply it, every time.
        var poisoned = StripeFixtures.Event(Events.Id(), "checkout.session.completed", StripeFixtures.Get("charge").Patch(ch =>
        {
            ch["id"] = Events.Charge(victim); ch["payment_intent"] = Events.PaymentIntent(victim); ch["metadata"] = new JsonObject();
        }), t0);
        var victimPaid = Events.Checkout("checkout.session.completed", victim, created: t0.AddMinutes(1));
        var healthyPaid = healthy.Select(o => Events.Checkout("checkout.session.completed", o, created: t0)).ToList();
        foreach (var body in healthyPaid.Append(poisoned).Append(victimPaid)) (await app.DeliverAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.ApplyBatchAsync()).ShouldBe(5, "the four healthy events and the poisoned one; the victim's later event waits behind it");
        foreach (var o in healthy) (await app.OrderAsync(o)).State.ShouldBe(OrderState.Paid);
        var bad = await app.Db(db => db.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == IdOf(poisoned)));
        bad.Status.ShouldBe(StripeEventStatus.Pending);
        bad.Attempts.ShouldBe(1);
        bad.LastError.ShouldNotBeNull();
        bad.LastError.ShouldContain("InvalidOperationException");
        (await app.OrderAsync(victim)).State.ShouldBe(OrderState.Pending);
        (await app.Db(db => db.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == IdOf(victimPaid)))).Attempts.ShouldBe(0);

        // Retried with backoff until set aside (Orders:EventMaxAttempts = 3 here); then the payment's next event applies.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.Db(db => db.StripeEvents.AnyAsync(e => e.Status == StripeEventStatus.Pending)) && DateTime.UtcNow < deadline)
        {
            await app.ApplyBatchAsync();
            await Task.Delay(50);
        }
        bad = await app.Db(db => db.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == IdOf(poisoned)));
        bad.Status.ShouldBe(StripeEventStatus.GaveUp);
        bad.Attempts.ShouldBe(3);
        (await app.OrderAsync(victim)).State.ShouldBe(OrderState.Paid);
        foreach (var o in healthy)
            (await app.OrderAsync(o)).Timeline.Count(t => t.Description.StartsWith("Payment of")).ShouldBe(1, "a batch applied again one by one applies nothing twice");
    }
}
