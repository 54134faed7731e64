using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

public sealed class RefundTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private async Task<(TestUser Coach, TestUser Buyer, Guid OrderId)> PaidOrderAsync(long price = 10000)
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: price);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        (await app.DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        return (coach, buyer, orderId);
    }

    [Fact]
    public async Task An_admin_refunds_part_of_an_order_with_a_reverse_transfer_and_the_order_follows_charge_refunded()
    {
        var (_, buyer, orderId) = await PaidOrderAsync();
        var admin = await app.CreateUserAsync(Roles.Admin);
        var response = await admin.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 3000, reason = "Session ran short" });
        var result = await response.ReadJsonAsync<JsonElement>();
        result.GetProperty("stripeRefundId").GetString()!.ShouldStartWith("re_test_");

        var call = app.Stripe.To("POST", "/v1/refunds").Last();
        var form = StripeStandIn.FormOf(call);
        form["payment_intent"].ShouldBe(Events.PaymentIntent(orderId));
        form["amount"].ShouldBe("3000");
        form["reverse_transfer"].ShouldBe("true");
        form["refund_application_fee"].ShouldBe("true");
        form["metadata[order_id]"].ShouldBe(orderId.ToString());
        call.Header("Idempotency-Key").ShouldStartWith("refund-");
        call.Header("User-Agent").ShouldStartWith(CheckoutTests.StripeNetUserAgent);
        call.Header("Stripe-Version").ShouldBe(CheckoutTests.PinnedApiVersion);
        call.Header("Authorization").ShouldBe("Bearer sk_test_orders");
        form["reason"].ShouldBe("requested_by_customer");
        (await app.OrderAsync(orderId)).State.ShouldBe(OrderState.Paid, "the order follows Stripe's charge.refunded, not the request");

        (await app.DeliverAsync(Events.Refunded(orderId, 3000))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.PartiallyRefunded);
        order.RefundedMinor.ShouldBe(3000);
        order.Refunds.Single().Status.ShouldBe(RefundStatus.Succeeded);

        await (await admin.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 7001, reason = "Too much" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "refund_exceeds_paid");
        await (await buyer.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 100, reason = "Me" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        await (await admin.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 100, reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_disputed_order_is_frozen_and_cannot_be_refunded()
    {
        var (coach, _, orderId) = await PaidOrderAsync();
        (await app.DeliverAsync(Events.Dispute("charge.dispute.created", orderId, "needs_response", 10000))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        var order = await app.OrderAsync(orderId);
        order.State.ShouldBe(OrderState.Disputed);
        order.DisputeReason.ShouldBe("fraudulent");
        var before = app.Stripe.To("POST", "/v1/refunds").Count;
        await (await coach.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 100, reason = "Sorry" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "order_disputed");
        app.Stripe.To("POST", "/v1/refunds").Count.ShouldBe(before);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var disputes = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/disputes");
        disputes.EnumerateArray().ShouldContain(d => d.GetProperty("orderId").GetGuid() == orderId);
    }

    [Fact]
    public async Task The_admin_finds_an_order_by_its_Stripe_ids_and_exports_the_filtered_list()
    {
        var (coach, _, orderId) = await PaidOrderAsync(price: 4321);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var order = await app.OrderAsync(orderId);
        foreach (var q in new[] { orderId.ToString(), order.CheckoutSessionId!, order.PaymentIntentId! })
        {
            var page = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/admin/orders?q={q}");
            page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(orderId);
        }
        var filtered = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/admin/orders?coachId={coach.Id}&state=Paid&minAmountMinor=4000&maxAmountMinor=5000");
        filtered.GetProperty("total").GetInt32().ShouldBe(1);
        var csv = await admin.Client.GetStringAsync($"/api/orders/admin/orders.csv?coachId={coach.Id}");
        csv.ShouldContain(orderId.ToString());
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.GetAsync("/api/orders/admin/orders")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_admin_finds_an_order_by_the_start_of_its_id_or_Stripe_id_or_by_a_persons_name()
    {
        var (_, _, orderId) = await PaidOrderAsync(price: 2500);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var order = await app.OrderAsync(orderId);
        var id = orderId.ToString();
        foreach (var q in new[] { id[..13], id[..13].ToUpperInvariant(), order.CheckoutSessionId![..^3], order.PaymentIntentId![..^2] })
        {
            var page = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/admin/orders?q={Uri.EscapeDataString(q)}");
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(orderId, q);
        }
        var coacheeName = (await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("coacheeName").GetString()!;
        var byName = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/admin/orders?q={Uri.EscapeDataString(coacheeName.ToUpperInvariant())}");
        byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(orderId);
        var nobody = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/orders?q=" + Uri.EscapeDataString("no such person " + Guid.NewGuid().ToString("N")));
        nobody.GetProperty("total").GetInt32().ShouldBe(0);
    }
}
