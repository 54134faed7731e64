using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Cancels one booked session. The coachee may cancel up to Orders:CancellationNoticeHours before it starts; the coach
/// may cancel any session that has not started. Either way the session's share of the price is refunded and both get an email.
/// </summary>
internal sealed record CancelSession(Guid SessionId, Guid UserId) : IRequest<Unit>;

internal sealed class CancelSessionHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IOptions<OrdersOptions> options, SessionNotifier notifier)
    : IRequestHandler<CancelSession, Unit>
{
    public async Task<Unit> Handle(CancelSession request, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == request.SessionId, ct);
        if (booking is null || (booking.CoacheeId != request.UserId && booking.CoachId != request.UserId))
            throw new NotFoundException("session_not_found", "This session does not exist.");
        var order = await db.Orders.Include(o => o.Refunds).Include(o => o.Bookings).SingleAsync(o => o.Id == booking.OrderId, ct);
        if (booking.Status != BookingStatus.Booked)
            throw new ConflictException("session_not_booked", "Only a booked session can be cancelled.");
        var now = time.GetUtcNow().UtcDateTime;
        var byCoach = booking.CoachId == request.UserId;
        if (booking.StartsAt <= now) throw new ConflictException("session_started", "This session has already started.");
        if (!byCoach && booking.StartsAt < now.AddHours(options.Value.CancellationNoticeHours))
            throw new ConflictException("too_late_to_cancel", $"Sessions can be cancelled up to {options.Value.CancellationNoticeHours} hours before they start.");

        var share = order.GrossMinor / Math.Max(1, order.Sessions);
        var refund = Math.Min(share, order.RefundableMinor(order.Refunds));
        var actor = (byCoach ? "coach:" : "coachee:") + request.UserId;
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = now;
        booking.CancelledBy = actor;
        booking.Sequence++; // the METHOD:CANCEL invite replaces the booked one
        booking.ProposedStartsAt = null;
        booking.ProposedBy = null;
        order.Record(now, actor, $"Session at {booking.StartsAt:yyyy-MM-dd HH:mm} UTC cancelled by the {(byCoach ? "coach" : "coachee")}", null);
        await notifier.CalledOffAsync(order, booking, byCoach ? "coach" : "coachee", refund, ct);
        if (refund > 0)
            await Refunder.RefundAsync(db, stripe, time, options.Value, order, refund, $"Session cancelled by the {(byCoach ? "coach" : "coachee")}", actor, ct);
        else
            await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

internal static class CancelSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/cancel", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new CancelSession(sessionId, user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes);
}
