using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The email models Orders writes to the outbox: each person's zone for the booked times, refunded and remaining amounts.</summary>
public sealed class OrderEmailTests(OrdersApp app) : IClassFixture<OrdersApp>
{
    private async Task<List<SendEmail>> EmailsAsync(Guid orderId) =>
        (await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
            .Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains(orderId.ToString())).ToListAsync()))
        .Select(m => (SendEmail)m.Deserialize()).ToList();

    [Fact]
    public async Task Booking_emails_give_the_sessions_in_each_persons_zone_and_name_utc_for_a_person_without_one_and_a_refund_states_what_remains()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Tomo Coach", null, "Asia/Tokyo");
        (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).EnsureSuccessStatusCode();
        (await coach.Client.PostAsync("/api/orders/payouts/refresh", null)).EnsureSuccessStatusCode();
        var listing = app.Matching.AddListing(coach.Id, priceMinor: 25500, sessions: 2, currency: "EUR");
        var buyer = await app.CreateUserAsync(Roles.Coachee, "Zoneless Coachee"); // no zone given: UTC
        var slots = await app.SlotsAsync(buyer, listing.ListingId, 2);
        var orderId = await app.BuyAsync(buyer, listing.ListingId, sessions: 2);
        (await app.DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();

        // One email per booked session and person, each with the session's invite.
        var booked = (await EmailsAsync(orderId)).Where(e => e.Email is SessionScheduledEmail).ToLookup(e => e.ToUserId!.Value, e => (SessionScheduledEmail)e.Email);
        booked[coach.Id].ShouldAllBe(e => e.TimeZone == "Asia/Tokyo" && e.CounterpartName == "Zoneless Coachee" && !e.Moved);
        booked[buyer.Id].ShouldAllBe(e => e.TimeZone == "UTC" && e.CounterpartName == "Tomo Coach" && e.Invite.Minutes == 60 && e.Invite.Sequence == 0);
        booked[buyer.Id].Select(e => e.Invite.StartsUtc).Order().ShouldBe(slots.Order().ToList());
        booked[coach.Id].Select(e => e.Invite.SessionId).ShouldBe(booked[buyer.Id].Select(e => e.Invite.SessionId), ignoreOrder: true);

        (await app.DeliverAsync(Events.Refunded(orderId, 2000))).EnsureSuccessStatusCode();
        await app.WaitForEventsAsync();
        var refunds = (await EmailsAsync(orderId)).Where(e => e.Email is OrderRefundedEmail).ToList();
        refunds.Select(e => e.ToUserId).ShouldBe([buyer.Id, coach.Id], ignoreOrder: true);
        refunds.ShouldAllBe(e => e.Email == new OrderRefundedEmail(orderId, listing.Title, new Money(2000, "EUR"), new Money(23500, "EUR"), new Money(25500, "EUR")));
    }
}
