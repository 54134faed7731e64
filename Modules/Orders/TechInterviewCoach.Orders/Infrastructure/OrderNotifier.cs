using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Infrastructure;

/// <summary>
/// Emails and analytics for order events, written to the outbox in the same transaction as the change.
/// Values hold amounts, dates, names and ids only; never card data, never an email address.
/// </summary>
internal sealed class OrderNotifier(OrdersDbContext db, TimeProvider time, IMediator mediator)
{
    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<IReadOnlyDictionary<Guid, UserSummary>> PeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        try { return await mediator.Send(new GetUserSummaries(ids), ct); }
        catch (InvalidOperationException) { return new Dictionary<Guid, UserSummary>(); }
    }

    public static string Name(IReadOnlyDictionary<Guid, UserSummary> people, Guid id) =>
        people.TryGetValue(id, out var p) ? (p.IsDeleted ? "Deleted user" : p.DisplayName) : "Deleted user";

    private static Money Amount(long minor, Order order) => new(minor, order.Currency);

    /// <summary>
    /// The zone a person reads times in: their account's zone (Settings, what every page uses); when that is only the
    /// default UTC, the zone they gave Matching (coach profile, else quiz); else UTC, which the email names.
    /// </summary>
    public async Task<string> ZoneAsync(IReadOnlyDictionary<Guid, UserSummary> people, Guid id, CancellationToken ct)
    {
        if (people.TryGetValue(id, out var p) && UserTime.IsKnown(p.TimeZone) && UserTime.Find(p.TimeZone).Id is not ("UTC" or "Etc/UTC")) return p.TimeZone;
        string? given = null;
        try { given = await mediator.Send(new GetSchedulingTimeZone(id), ct); }
        catch (InvalidOperationException) { /* Matching not composed (some tests) */ }
        return UserTime.IsKnown(given) ? given! : "UTC";
    }

    private string Link(Order order, Guid to) => to == order.CoachId ? "/coach/orders" : $"/orders/{order.Id}";

    public async Task OrderPaidAsync(Order order, IReadOnlyList<Booking> booked, CancellationToken ct)
    {
        var people = await PeopleAsync([order.CoachId, order.CoacheeId], ct);
        db.Enqueue(new SendEmail(order.CoacheeId, null,
            new OrderPaidCoacheeEmail(order.Id, order.ListingTitle, Name(people, order.CoachId), Amount(order.GrossMinor, order)), $"/orders/{order.Id}"), Now);
        db.Enqueue(new SendEmail(order.CoachId, null,
            new OrderPaidCoachEmail(order.Id, order.ListingTitle, Name(people, order.CoacheeId), Amount(order.GrossMinor, order), Amount(order.CoachNetMinor, order)), "/coach/orders"), Now);
        // Each booked session gets its own email with its calendar invite (SessionNotifier.ScheduledAsync).
        db.Enqueue(new TrackEvent(order.CoacheeId, AnalyticsEvents.OrderPaid, new Dictionary<string, string>
        {
            ["order_id"] = order.Id.ToString(), ["currency"] = order.Currency, ["amount_minor"] = order.GrossMinor.ToString(), ["sessions"] = order.Sessions.ToString(),
        }), Now);
    }

    public async Task OrderRefundedAsync(Order order, long delta, CancellationToken ct)
    {
        var people = await PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var to in new[] { order.CoacheeId, order.CoachId })
            db.Enqueue(new SendEmail(to, null, new OrderRefundedEmail(order.Id, order.ListingTitle, Amount(delta, order),
                Amount(Math.Max(0, order.GrossMinor - order.RefundedMinor), order), Amount(order.GrossMinor, order)), Link(order, to)), Now);
        db.Enqueue(new TrackEvent(order.CoacheeId, AnalyticsEvents.OrderRefunded, new Dictionary<string, string>
        {
            ["order_id"] = order.Id.ToString(), ["currency"] = order.Currency, ["amount_minor"] = delta.ToString(),
        }), Now);
    }

    public async Task SessionCancelledAsync(Order order, Booking booking, string byWhom, long refundMinor, CancellationToken ct)
    {
        var people = await PeopleAsync([order.CoachId, order.CoacheeId], ct);
        foreach (var (to, other) in new[] { (order.CoacheeId, order.CoachId), (order.CoachId, order.CoacheeId) })
            db.Enqueue(new SendEmail(to, null, new SessionCancelledEmail(order.Id, Name(people, other), booking.StartsAt, await ZoneAsync(people, to, ct),
                byWhom, Amount(refundMinor, order)), Link(order, to)), Now);
    }

    public void Payout(Payout payout)
    {
        var amount = new Money(payout.AmountMinor, payout.Currency);
        EmailModel email = payout.Status == "failed"
            ? new PayoutFailedEmail(amount)
            : new PayoutPaidEmail(amount, payout.ArrivalDate is { } d ? DateOnly.FromDateTime(d) : null);
        db.Enqueue(new SendEmail(payout.CoachId, null, email, "/coach/payouts"), Now);
    }
}
