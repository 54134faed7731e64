using TechInterviewCoach.Integrations.Contracts;
using TechInterviewCoach.BuildingBlocks.Outbox;

namespace TechInterviewCoach.Orders.Tests;

public sealed class WebhookTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private Task<List<OutboxMessage>> EmailsAsync(Guid orderId) => app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>()
        .OutboxMessages.Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains(orderId.ToString())).ToListAsync());

    [Fact]
    public async Task A_forged_stale_or_missing_signature_is_rejected_and_nothing_is_recorded()
    {
        var body = Events.Checkout("checkout.session.completed", Guid.NewGuid());
        await (await app.DeliverAsync(body, StripeFixtures.Sign(body, "whsec_wrong", DateTimeOffset.UtcNow))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body, StripeFixtures.Sign(body, OrdersApp.WebhookSecret, DateTimeOffset.UtcNow.AddSeconds(-301)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body, "v1=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body, "garbage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body, StripeFixtures.Sign(body, OrdersApp.WebhookSecret, DateTimeOffset.UtcNow.AddSeconds(301)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        await (await app.DeliverAsync(body + " ", StripeFixtures.Sign(body, OrdersApp.WebhookSecret, DateTimeOffset.UtcNow))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        // The connect endpoint has its own secret.
        await (await app.DeliverAsync(body, StripeFixtures.Sign(body, OrdersApp.WebhookSecret, DateTimeOffset.UtcNow), connect: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_signature");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        (await app.Db(db => db.StripeEvents.AnyAsync(e => e.Id == id))).ShouldBeFalse();

        await (await app.DeliverAsync("{not json")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_event");
    }

    [Fact]
    public async Task One_of_several_signatures_may_match_and_an_unknown_event_type_is_recorded_and_acknowledged()
    {
        var body = StripeFixtures.Event(Events.Id(), "customer.created", StripeFixtures.Get("customer"), DateTimeOffset.UtcNow);
        var good = StripeFixtures.Sign(body, OrdersApp.WebhookSecret, DateTimeOffset.UtcNow);
        var t = good.Split(',')[0];
        var response = await app.DeliverAsync(body, $"{t},v1={new string('0', 64)},{good.Split(',')[1]}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForEventsAsync();
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        (await app.Db(db => db.StripeEvents.SingleAsync(e => e.Id == id))).Status.ShouldBe(StripeEventStatus.Processed);
    }

    [Fact]
    public async Task An_event_of_another_API_version_is_stored_logged_and_set_aside_until_an_admin_retries_it()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        var id = Events.Id();
        var body = StripeFixtures.Event(id, "checkout.session.completed", System.Text.Json.Nodes.JsonNode.Parse(
            JsonDocument.Parse(Events.Checkout("checkout.session.completed", orderId)).RootElement.GetProperty("data").GetProperty("object").GetRawText())!.AsObject(),
            DateTimeOffset.UtcNow, apiVersion: "2025-03-31.basil");

        (await app.DeliverAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK, "acknowledged, so Stripe stops resending; kept, not dropped");
        await app.WaitForEventsAsync();
        var stored = await app.Db(db => db.StripeEvents.SingleAsync(e => e.Id == id));
        stored.Status.ShouldBe(StripeEventStatus.GaveUp);
        stored.LastError.ShouldNotBeNull();
        stored.LastError.ShouldContain("2025-03-31.basil");
        stored.LastError.ShouldContain(CheckoutTests.PinnedApiVersion);
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Pending, "an event of another version has no effect by itself");
        app.Logs.Lines.ShouldContain(l => l.StartsWith("Error ") && l.Contains(id) && l.Contains("2025-03-31.basil") && l.Contains("set aside"));

        var admin = await app.CreateUserAsync(Roles.Admin);
        var setAside = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/events");
        var row = setAside.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        row.GetProperty("lastError").GetString()!.ShouldContain("api_version");
        (await buyer.Client.GetAsync("/api/orders/admin/events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.Client.PostAsync("/api/orders/admin/events/evt_unknown/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "event_not_found");

        // The admin page shows it with the reason, and its Retry button sends it back to the processor.
        var page = await admin.Client.GetPageAsync("/admin/stripe-events");
        var rowText = page.QuerySelectorAll("article").Single(tr => tr.TextContent.Contains(id)).TextContent;
        rowText.ShouldContain("2025-03-31.basil");
        var form = page.QuerySelectorAll("form.retry-event").Single(f => f.QuerySelector("input[name=eventId]")!.GetAttribute("value") == id);
        form.Id = "retry-this";
        (await admin.Client.SubmitFormAsync(page, "#retry-this", pageUrl: "/admin/stripe-events")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.Found);
        await app.WaitForEventsAsync();
        (await app.Db(db => db.StripeEvents.SingleAsync(e => e.Id == id))).Status.ShouldBe(StripeEventStatus.Processed);
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Paid);
        await (await admin.Client.PostAsync($"/api/orders/admin/events/{id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "event_not_set_aside");
    }

    [Fact]
    public async Task A_paid_checkout_confirms_the_order_once_however_often_it_is_delivered()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, sessions: 2, priceMinor: 20000);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId, sessions: 2);

        var unpaid = Events.Checkout("checkout.session.completed", orderId, paymentStatus: "unpaid");
        (await app.DeliverAsync(unpaid)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForEventsAsync();
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Processing);

        var paid = Events.Checkout("checkout.session.async_payment_succeeded", orderId);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.DeliverAsync(paid)));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await app.WaitForEventsAsync();

        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Paid);
        order.Bookings.ShouldAllBe(b => b.Status == BookingStatus.Booked);
        var emails = await EmailsAsync(orderId);
        emails.Count(m => m.Payload.Contains($"\"{EmailTemplates.OrderPaidCoachee}\"")).ShouldBe(1);
        emails.Count(m => m.Payload.Contains($"\"{EmailTemplates.OrderPaidCoach}\"")).ShouldBe(1);
        emails.Count(m => m.Payload.Contains(EmailTemplates.SessionScheduled)).ShouldBe(4); // each session, to each side, with its invite
        emails.ShouldAllBe(m => !m.Payload.Contains("4242") && !m.Payload.Contains("@"));

        var view = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}");
        view.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        var timeline = view.GetProperty("timeline").EnumerateArray().ToList();
        timeline.ShouldContain(t => t.GetProperty("stripeEventId").GetString() == JsonDocument.Parse(paid).RootElement.GetProperty("id").GetString());

        // A late "expired" never moves a paid order back.
        (await app.DeliverAsync(Events.Checkout("checkout.session.expired", orderId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WaitForEventsAsync();
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Paid);
    }

    [Fact]
    public async Task An_expired_checkout_releases_the_held_slots()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var slot = (await app.SlotsAsync(buyer, listing.ListingId, 1)).Single();
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        (await app.DeliverAsync(Events.Checkout("checkout.session.expired", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Expired);
        (await app.SlotsAsync(buyer, listing.ListingId, 1)).Single().ShouldBe(slot);
        var other = await app.CreateUserAsync(Roles.Coachee);
        (await OrdersApp.CheckoutAsync(other, listing.ListingId, [slot])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_handled_event_delivered_three_times_in_shuffled_order_ends_like_in_order_delivery()
    {
        async Task<(object, int)> Run(bool shuffle)
        {
            var coach = await app.PayableCoachAsync();
            var account = (await app.Db(db => db.PayoutAccounts.SingleAsync(a => a.CoachId == coach.Id))).StripeAccountId;
            var listing = app.Matching.AddListing(coach.Id, priceMinor: 10000);
            var buyer = await app.CreateUserAsync(Roles.Coachee);
            var paidOrder = await app.BuyAsync(buyer, listing.ListingId, skip: 0);
            var asyncOrder = await app.BuyAsync(buyer, listing.ListingId, skip: 1);
            var failedOrder = await app.BuyAsync(buyer, listing.ListingId, skip: 2);
            var expiredOrder = await app.BuyAsync(buyer, listing.ListingId, skip: 3);
            var t0 = DateTimeOffset.UtcNow;
            var events = new List<(string Body, bool Connect)>
            {
                (Events.Checkout("checkout.session.completed", paidOrder), false),
                (Events.Refunded(paidOrder, 2500), false),
                (Events.Dispute("charge.dispute.created", paidOrder, "needs_response", 7500), false),
                (Events.Dispute("charge.dispute.closed", paidOrder, "won", 7500), false),
                (Events.Checkout("checkout.session.completed", asyncOrder, paymentStatus: "unpaid"), false),
                (Events.Checkout("checkout.session.async_payment_succeeded", asyncOrder), false),
                (Events.Checkout("checkout.session.async_payment_failed", failedOrder), false),
                (Events.Checkout("checkout.session.expired", expiredOrder), false),
                (Events.Account(account, false, t0.AddSeconds(-20)), true),
                (Events.Account(account, true, t0.AddSeconds(-10)), true),
                (Events.Payout("payout.paid", account, "po_test_" + coach.Id.ToString("N")[..10], 8500), true),
                (Events.Payout("payout.failed", account, "po_test_f" + coach.Id.ToString("N")[..10], 1200), true),
            };
            var deliveries = events.SelectMany(e => new[] { e, e, e }).ToList();
            if (shuffle) deliveries = deliveries.OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var (body, connect) in deliveries) (await app.DeliverAsync(body, connect: connect)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.WaitForEventsAsync();

            var orders = new List<object>();
            foreach (var id in new[] { paidOrder, asyncOrder, failedOrder, expiredOrder })
            {
                var o = await app.OrderAsync(id);
                orders.Add($"{o.State}|{o.RefundedMinor}|{o.DisputeStatus}|{string.Join(",", o.Bookings.Select(b => b.Status))}");
            }
            var acct = await app.Db(db => db.PayoutAccounts.SingleAsync(a => a.CoachId == coach.Id));
            var payouts = await app.Db(db => db.Payouts.Where(p => p.CoachId == coach.Id).OrderBy(p => p.AmountMinor).Select(p => p.Status + p.AmountMinor).ToListAsync());
            var emails = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
                .Where(m => m.Type.EndsWith("SendEmail") && (m.Payload.Contains(paidOrder.ToString()) || m.Payload.Contains(asyncOrder.ToString())))
                .Select(m => m.Payload).ToListAsync());
            emails.Count(e => e.Contains($"\"{EmailTemplates.OrderPaidCoachee}\"")).ShouldBe(2, "one paid email per order, never more");
            emails.Count(e => e.Contains(EmailTemplates.OrderRefunded)).ShouldBe(2, "one refund email to each side");
            var stored = await app.Db(db => db.StripeEvents.CountAsync(e => events.Select(x => JsonDocument.Parse(x.Body).RootElement.GetProperty("id").GetString()).Contains(e.Id)));
            return ($"{string.Join(";", orders)}#{acct.Payable}#{string.Join(",", payouts)}", stored);
        }

        var (inOrder, storedInOrder) = await Run(shuffle: false);
        var (shuffled, storedShuffled) = await Run(shuffle: true);
        storedInOrder.ShouldBe(12);
        storedShuffled.ShouldBe(12);
        shuffled.ShouldBe(inOrder);
        inOrder.ShouldBe("PartiallyRefunded|2500|won|Booked;Paid|0||Booked;Failed|0||Released;Expired|0||Released#True#failed1200,paid8500");
    }
}
