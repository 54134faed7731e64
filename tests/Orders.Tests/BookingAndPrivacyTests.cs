using MediatR;
using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

public sealed class BookingAndPrivacyTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private async Task<(TestUser Coach, TestUser Buyer, Guid OrderId)> PaidPackageAsync()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 30000, sessions: 3);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId, sessions: 3);
        (await app.DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        return (coach, buyer, orderId);
    }

    [Fact]
    public async Task A_coachee_cancelling_a_day_ahead_gets_that_session_refunded_and_both_sides_are_emailed()
    {
        var (_, buyer, orderId) = await PaidPackageAsync();
        var session = (await app.OrderAsync(orderId)).Bookings.OrderBy(b => b.StartsAt).Last();
        (await buyer.Client.PostAsync($"/api/orders/sessions/{session.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refund = StripeStandIn.FormOf(app.Stripe.To("POST", "/v1/refunds").Last());
        refund["amount"].ShouldBe("10000");
        refund["reverse_transfer"].ShouldBe("true");
        var order = await app.OrderAsync(orderId);
        order.Bookings.Single(b => b.Id == session.Id).Status.ShouldBe(BookingStatus.Cancelled);
        var emails = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
            .Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains(orderId.ToString()) && m.Payload.Contains(EmailTemplates.SessionCalledOff)).ToListAsync());
        emails.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_coachee_cannot_cancel_late_but_the_coach_can_and_the_session_is_refunded()
    {
        var (coach, buyer, orderId) = await PaidPackageAsync();
        var session = (await app.OrderAsync(orderId)).Bookings.First();
        await app.Db(async db =>
        {
            var b = await db.Bookings.SingleAsync(x => x.Id == session.Id);
            b.StartsAt = DateTime.UtcNow.AddHours(3);
            b.EndsAt = b.StartsAt.AddHours(1);
            return await db.SaveChangesAsync();
        });
        await (await buyer.Client.PostAsync($"/api/orders/sessions/{session.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "too_late_to_cancel");
        (await coach.Client.PostAsync($"/api/orders/sessions/{session.Id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var order = await app.OrderAsync(orderId);
        order.Refunds.Single().AmountMinor.ShouldBe(10000);
        order.Refunds.Single().Actor.ShouldBe($"coach:{coach.Id}");
        var stranger = await app.CreateUserAsync(Roles.Coachee);
        await (await stranger.Client.PostAsync($"/api/orders/sessions/{order.Bookings.Last().Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        await (await stranger.Client.GetAsync($"/api/orders/{orderId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task A_pending_payment_blocks_deletion_and_the_export_holds_the_orders_without_card_data()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee);
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        var mediator = (Func<IServiceProvider, IMediator>)(sp => sp.GetRequiredService<IMediator>());

        var blockers = await app.InScopeAsync(sp => mediator(sp).Send(new GetDeletionBlockers(buyer.Id)));
        blockers.Single().ShouldContain(orderId.ToString());
        (await app.InScopeAsync(sp => mediator(sp).Send(new GetDeletionBlockers(coach.Id)))).Count.ShouldBe(1);

        (await app.DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        (await app.InScopeAsync(sp => mediator(sp).Send(new GetDeletionBlockers(buyer.Id)))).ShouldBeEmpty();

        var export = await app.InScopeAsync(sp => mediator(sp).Send(new ExportOrdersData(buyer.Id)));
        var json = JsonSerializer.Serialize(export.Data);
        json.ShouldContain(orderId.ToString());
        json.ShouldContain("\"grossMinor\":10000");
        json.ShouldNotContain("card");
    }

    [Fact]
    public async Task A_deleted_coachee_stays_on_the_order_record_as_deleted_user()
    {
        var coach = await app.PayableCoachAsync();
        var listing = app.Matching.AddListing(coach.Id);
        var buyer = await app.CreateUserAsync(Roles.Coachee, "Vanishing Person");
        var orderId = await app.BuyAsync(buyer, listing.ListingId);
        (await app.DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        (await buyer.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForOutboxAsync();
        var admin = await app.CreateUserAsync(Roles.Admin);
        var view = await admin.Client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}");
        view.GetProperty("coacheeName").GetString().ShouldBe("Deleted user");
        view.GetProperty("grossMinor").GetInt64().ShouldBe(10000);
    }

    [Fact]
    public async Task Demo_coaches_get_a_simulated_payable_account_and_are_announced_to_matching()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await app.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IMediator>().Publish(new DemoUsersCreated(ids.Select((id, i) => new DemoUser(id, Roles.Coach, i, $"Demo {i}", "Europe/Berlin"))
                .Append(new DemoUser(Guid.NewGuid(), Roles.Coachee, 0, "Demo coachee", "Europe/Berlin")).ToList()));
            return 0;
        });
        foreach (var id in ids)
            (await app.IsPayableAsync(id)).ShouldBeTrue();
        (await app.Db(db => db.PayoutAccounts.CountAsync(a => ids.Contains(a.CoachId) && a.Simulated))).ShouldBe(2);
    }

    [Fact]
    public async Task Payouts_arrive_on_the_connect_endpoint_and_the_coach_sees_them()
    {
        var coach = await app.PayableCoachAsync();
        var account = (await app.Db(db => db.PayoutAccounts.SingleAsync(a => a.CoachId == coach.Id))).StripeAccountId;
        (await app.DeliverAsync(Events.Payout("payout.paid", account, "po_test_seen1", 8500), connect: true)).EnsureSuccessStatusCode();
        (await app.DeliverAsync(Events.Payout("payout.failed", account, "po_test_seen2", 1200), connect: true)).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        var status = await coach.Client.GetJsonAsync<JsonElement>("/api/orders/payouts");
        var payouts = status.GetProperty("payouts").EnumerateArray().ToList();
        payouts.Count.ShouldBe(2);
        payouts.ShouldContain(p => p.GetProperty("status").GetString() == "paid" && p.GetProperty("amountMinor").GetInt64() == 8500);
        payouts.ShouldContain(p => p.GetProperty("status").GetString() == "failed" && p.GetProperty("failureMessage").GetString()!.Contains("closed"));
        var page = await coach.Client.GetPageAsync("/coach/payouts");
        page.QuerySelector("[data-testid=payouts]")!.TextContent.ShouldContain("USD 85.00");
        var emails = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
            .Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains(coach.Id.ToString())).Select(m => m.Payload).ToListAsync());
        emails.Count(e => e.Contains(EmailTemplates.PayoutPaid)).ShouldBe(1);
        emails.Count(e => e.Contains(EmailTemplates.PayoutFailed)).ShouldBe(1);
    }
}
