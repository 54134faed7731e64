using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Refunds the sessions of an order that were never booked, pro rata (decision 0018): on the coachee's request, or by the
/// system when the package's validity ends. Idempotent: the refunded sessions are counted on the order in the same save as
/// the refund record (guarded by the order's concurrency token), so a repeat finds nothing left and refunds nothing.
/// </summary>
/// <param name="CoacheeId">The coachee asking; null when the system refunds an expired package.</param>
internal sealed record RefundUnusedSessions(Guid OrderId, Guid? CoacheeId) : IRequest<UnusedRefund>;

internal sealed record UnusedRefund(Guid OrderId, int Sessions, long AmountMinor, string Currency);

internal sealed class RefundUnusedSessionsHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IOptions<OrdersOptions> options)
    : IRequestHandler<RefundUnusedSessions, UnusedRefund>
{
    public async Task<UnusedRefund> Handle(RefundUnusedSessions request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Bookings).Include(o => o.Refunds)
                        .SingleOrDefaultAsync(o => o.Id == request.OrderId && (request.CoacheeId == null || o.CoacheeId == request.CoacheeId), ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        var unused = SessionRules.Unbooked(order);
        if (unused == 0 || order.State is not (OrderState.Paid or OrderState.PartiallyRefunded))
            return new UnusedRefund(order.Id, 0, 0, order.Currency);
        var amount = Math.Min(SessionRules.ShareMinor(order, unused), order.RefundableMinor(order.Refunds));
        var now = time.GetUtcNow().UtcDateTime;
        var actor = request.CoacheeId is { } c ? $"coachee:{c}" : "system";
        var why = request.CoacheeId is null ? "the package's validity ended" : "the coachee asked";
        order.UnusedRefundedSessions += unused;
        order.Record(now, actor, $"{unused} unused session(s) refunded pro rata ({Currencies.Format(amount, order.Currency)}): {why}", null);
        if (amount <= 0)
        {
            order.Touch(now);
            await SessionCredit.SaveAsync(db, null, ct);
            return new UnusedRefund(order.Id, unused, 0, order.Currency);
        }
        try
        {
            await Refunder.RefundAsync(db, stripe, time, options.Value, order, amount, $"{unused} unused session(s): {why}", actor, ct);
        }
        catch (ConflictException e) when (e.Code == "refund_failed")
        {
            // Stripe refused: the sessions stay bookable (and refundable later), nothing is lost.
            order.UnusedRefundedSessions -= unused;
            order.Touch(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        return new UnusedRefund(order.Id, unused, amount, order.Currency);
    }
}

internal static class RefundUnusedSessionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{orderId:guid}/unused-sessions/refund", async (Guid orderId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefundUnusedSessions(orderId, user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Refunds the order's sessions never booked, pro rata; repeating it refunds nothing more.");
}
