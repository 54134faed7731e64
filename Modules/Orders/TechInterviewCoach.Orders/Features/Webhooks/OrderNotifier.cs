using MediatR;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.SharedKernel.Outbound;

namespace TechInterviewCoach.Orders.Features.Webhooks;

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

    private static string Sessions(IEnumerable<Booking> bookings, string? tz) =>
        string.Join("; ", bookings.OrderBy(b => b.StartsAt).Select(b => UserTime.Format(b.StartsAt, UserTime.Find(tz))));

    private Dictionary<string, string> Base(Order order) => new()
    {
        ["order_id"] = order.Id.ToString(),
        ["listing"] = order.ListingTitle,
        ["amount"] = Currencies.Format(order.GrossMinor, order.Currency),
        ["platform_fee"] = Currencies.Format(order.PlatformFeeMinor, order.Currency),
        ["coach_net"] = Currencies.Format(order.CoachNetMinor, order.Currency),
    };

    public async Task OrderPaidAsync(Order order, IReadOnlyList<Booking> booked, CancellationToken ct)
    {
        var people = await PeopleAsync([order.CoachId, order.CoacheeId], ct);
        string? Tz(Guid id) => people.TryGetValue(id, out var p) ? p.TimeZone : null;
        foreach (var (to, template, other, otherKey) in new[]
                 {
                     (order.CoacheeId, EmailTemplates.OrderPaidCoachee, order.CoachId, "coach_name"),
                     (order.CoachId, EmailTemplates.OrderPaidCoach, order.CoacheeId, "coachee_name"),
                 })
        {
            var values = Base(order);
            values[otherKey] = Name(people, other);
            values["paid_at"] = UserTime.Format(Now.UtcDateTime, UserTime.Find(Tz(to)));
            db.Enqueue(new SendEmail(to, null, template, values, $"/orders/{order.Id}"), Now);
            if (booked.Count > 0)
            {
                var sessionValues = new Dictionary<string, string>(values) { ["sessions"] = Sessions(booked, Tz(to)), ["session_count"] = booked.Count.ToString() };
                db.Enqueue(new SendEmail(to, null, EmailTemplates.SessionBooked, sessionValues, to == order.CoachId ? "/coach/orders" : $"/orders/{order.Id}"), Now);
            }
        }
        db.Enqueue(new TrackEvent(order.CoacheeId, AnalyticsEvents.OrderPaid, new Dictionary<string, string>
        {
            ["order_id"] = order.Id.ToString(), ["currency"] = order.Currency, ["amount_minor"] = order.GrossMinor.ToString(), ["sessions"] = order.Sessions.ToString(),
        }), Now);
    }

    public void OrderRefunded(Order order, long delta)
    {
        foreach (var to in new[] { order.CoacheeId, order.CoachId })
        {
            var values = Base(order);
            values["refunded"] = Currencies.Format(delta, order.Currency);
            values["refunded_total"] = Currencies.Format(order.RefundedMinor, order.Currency);
            db.Enqueue(new SendEmail(to, null, EmailTemplates.OrderRefunded, values, to == order.CoachId ? "/coach/orders" : $"/orders/{order.Id}"), Now);
        }
        db.Enqueue(new TrackEvent(order.CoacheeId, AnalyticsEvents.OrderRefunded, new Dictionary<string, string>
        {
            ["order_id"] = order.Id.ToString(), ["currency"] = order.Currency, ["amount_minor"] = delta.ToString(),
        }), Now);
    }

    public void SessionCancelled(Order order, Booking booking, string byWhom, long refundMinor)
    {
        foreach (var to in new[] { order.CoacheeId, order.CoachId })
        {
            var values = Base(order);
            values["session_starts_at_utc"] = booking.StartsAt.ToString("yyyy-MM-dd HH:mm 'UTC'");
            values["cancelled_by"] = byWhom;
            values["refund"] = Currencies.Format(refundMinor, order.Currency);
            db.Enqueue(new SendEmail(to, null, EmailTemplates.SessionCancelled, values, to == order.CoachId ? "/coach/orders" : $"/orders/{order.Id}"), Now);
        }
    }

    public void Payout(Payout payout)
    {
        var values = new Dictionary<string, string>
        {
            ["payout_id"] = payout.Id,
            ["amount"] = Currencies.Format(payout.AmountMinor, payout.Currency),
            ["status"] = payout.Status,
            ["arrival_date"] = payout.ArrivalDate?.ToString("yyyy-MM-dd") ?? "",
        };
        if (payout.FailureMessage is not null) values["failure"] = payout.FailureMessage;
        db.Enqueue(new SendEmail(payout.CoachId, null, payout.Status == "failed" ? EmailTemplates.PayoutFailed : EmailTemplates.PayoutPaid, values, "/coach/payouts"), Now);
    }
}
