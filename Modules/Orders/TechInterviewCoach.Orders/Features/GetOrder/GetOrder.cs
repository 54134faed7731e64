using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

internal sealed record TimelineView(DateTime At, string Actor, string Description, string? StripeEventId, string State);
internal sealed record SessionView(Guid Id, DateTime StartsAt, DateTime EndsAt, string Status);
internal sealed record RefundView(Guid Id, long AmountMinor, string Amount, string Reason, string Actor, string? StripeRefundId, string Status, DateTime CreatedAt);

internal sealed record OrderView(
    Guid Id, string State, string StateLabel, bool Confirmed, Guid CoachId, string CoachName, Guid CoacheeId, string CoacheeName,
    string ListingTitle, int Sessions, int SessionMinutes, string Currency,
    long GrossMinor, long PlatformFeeMinor, long CoachNetMinor, long RefundedMinor,
    string Gross, string PlatformFee, string CoachNet, string Refunded,
    DateTime CreatedAt, DateTime? PaidAt, string? CheckoutSessionId, string? CheckoutUrl, string? PaymentIntentId, string? ChargeId,
    string? DisputeId, string? DisputeReason, long? DisputeAmountMinor, DateTime? DisputeEvidenceDueBy, string? DisputeStatus,
    IReadOnlyList<SessionView> SessionsBooked, IReadOnlyList<RefundView> Refunds, IReadOnlyList<TimelineView> Timeline, Guid ListingId,
    int SessionsLeft = 0, DateTime? ValidUntil = null)
{
    /// <summary>Refunds asked of Stripe and not yet confirmed by its webhook.</summary>
    public long RefundInProgressMinor => Refunds.Where(r => r.Status == "Requested").Sum(r => r.AmountMinor);
}

/// <summary>One order for its coachee, its coach, or an admin (anyone else: 404).</summary>
internal sealed record GetOrder(Guid OrderId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<OrderView>;

internal sealed class GetOrderHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<GetOrder, OrderView>
{
    public async Task<OrderView> Handle(GetOrder request, CancellationToken ct)
    {
        var o = await db.Orders.AsNoTracking().AsSplitQuery().Include(x => x.Timeline).Include(x => x.Bookings).Include(x => x.Refunds)
                    .SingleOrDefaultAsync(x => x.Id == request.OrderId, ct);
        if (o is null || (!request.ViewerIsAdmin && o.CoachId != request.ViewerId && o.CoacheeId != request.ViewerId))
            throw new NotFoundException("order_not_found", "This order does not exist.");
        var names = await people.PeopleAsync([o.CoachId, o.CoacheeId], ct);
        string F(long v) => Currencies.Format(v, o.Currency);
        return new OrderView(o.Id, o.State.ToString(), OrderStates.Label(o.State), OrderStates.IsPaid(o.State), o.CoachId, OrderNotifier.Name(names, o.CoachId),
            o.CoacheeId, OrderNotifier.Name(names, o.CoacheeId), o.ListingTitle, o.Sessions, o.SessionMinutes, o.Currency,
            o.GrossMinor, o.PlatformFeeMinor, o.CoachNetMinor, o.RefundedMinor, F(o.GrossMinor), F(o.PlatformFeeMinor), F(o.CoachNetMinor), F(o.RefundedMinor),
            o.CreatedAt, o.PaidAt, o.CheckoutSessionId, o.State == OrderState.Pending ? o.CheckoutUrl : null, o.PaymentIntentId, o.ChargeId,
            o.DisputeId, o.DisputeReason, o.DisputeAmountMinor, o.DisputeEvidenceDueBy, o.DisputeStatus,
            o.Bookings.OrderBy(b => b.StartsAt).Select(b => new SessionView(b.Id, b.StartsAt, b.EndsAt, b.Status.ToString())).ToList(),
            o.Refunds.OrderBy(r => r.CreatedAt).Select(r => new RefundView(r.Id, r.AmountMinor, F(r.AmountMinor), r.Reason, r.Actor, r.StripeRefundId, r.Status.ToString(), r.CreatedAt)).ToList(),
            o.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.At, t.Actor, t.Description, t.StripeEventId, t.State.ToString())).ToList(),
            o.ListingId, SessionRules.Unbooked(o), o.ValidUntil);
    }
}

internal static class GetOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{orderId:guid}", async (Guid orderId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetOrder(orderId, user.GetUserId(), user.IsInRole(Roles.Admin)), ct)))
            .RequireAuthorization(Policies.Member);
}
