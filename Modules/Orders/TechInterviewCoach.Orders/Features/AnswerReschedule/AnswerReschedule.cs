using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// The other side answers a proposed new time. Accepting moves the session (if the time is still free). Declining the
/// coachee's proposal keeps the session where it is; declining the coach's cancels the session with a full refund of its
/// share, as the coach's change is always free for the coachee.
/// </summary>
internal sealed record AnswerReschedule(Guid SessionId, Guid UserId, bool Accept) : IRequest<RescheduleOutcome>;

internal sealed class AnswerRescheduleHandler(OrdersDbContext db, SessionSlots slots, SessionNotifier notifier, IStripeGateway stripe, TimeProvider time,
    IOptions<OrdersOptions> options) : IRequestHandler<AnswerReschedule, RescheduleOutcome>
{
    public async Task<RescheduleOutcome> Handle(AnswerReschedule request, CancellationToken ct)
    {
        var (order, booking) = await SessionMoves.LoadAsync(db, request.SessionId, request.UserId, ct);
        if (booking.ProposedStartsAt is not { } proposed || booking.ProposedBy is null)
            throw new ConflictException("no_proposal", "No new time is waiting for an answer.");
        var answeringAs = booking.CoachId == request.UserId ? "coach" : "coachee";
        if (answeringAs == booking.ProposedBy)
            throw new ConflictException("own_proposal", "You proposed this time; the other side answers it.");
        var now = slots.Now;
        var actor = $"{answeringAs}:{request.UserId}";
        if (booking.StartsAt <= now) throw new ConflictException("session_started", "This session has already started.");

        if (request.Accept)
        {
            await using var serialized = db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
            await slots.CheckAsync(order.CoachId, order.SessionMinutes, proposed, booking.Id, ct);
            var from = booking.StartsAt;
            SessionMoves.Move(booking, proposed, order.SessionMinutes);
            order.Touch(now);
            order.Record(now, actor, $"The {answeringAs} accepted the new time: session moved from {from:yyyy-MM-dd HH:mm} to {proposed:yyyy-MM-dd HH:mm} UTC", null);
            await notifier.ScheduledAsync(order, booking, moved: true, ct);
            await SessionCredit.SaveAsync(db, serialized, ct);
            return new RescheduleOutcome(booking.Id, "moved", proposed, null);
        }

        if (booking.ProposedBy == "coachee")
        {
            booking.ProposedStartsAt = null;
            booking.ProposedBy = null;
            order.Touch(now);
            order.Record(now, actor, $"The coach declined the coachee's new time; the session stays at {booking.StartsAt:yyyy-MM-dd HH:mm} UTC", null);
            await notifier.DeclinedAsync(order, booking, order.CoacheeId, ct);
            await SessionCredit.SaveAsync(db, null, ct);
            return new RescheduleOutcome(booking.Id, "declined", booking.StartsAt, null);
        }

        // The coachee declines the coach's new time: the session is off, and its whole share is refunded.
        var refund = Math.Min(SessionRules.ShareMinor(order, 1), order.RefundableMinor(order.Refunds));
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = now;
        booking.CancelledBy = actor;
        booking.Sequence++;
        booking.ProposedStartsAt = null;
        booking.ProposedBy = null;
        order.Record(now, actor, $"The coachee declined the coach's new time: the session of {booking.StartsAt:yyyy-MM-dd HH:mm} UTC is cancelled and refunded in full", null);
        await notifier.CalledOffAsync(order, booking, "coach", refund, ct);
        if (refund > 0)
            await Refunder.RefundAsync(db, stripe, time, options.Value, order, refund, "The coachee declined the coach's new time", actor, ct);
        else
            await SessionCredit.SaveAsync(db, null, ct);
        return new RescheduleOutcome(booking.Id, "cancelled", booking.StartsAt, null);
    }
}

internal static class AnswerRescheduleEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/sessions/{sessionId:guid}/reschedule/accept", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AnswerReschedule(sessionId, user.GetUserId(), true), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Accepts the other side's proposed time: the session moves to it.");
        group.MapPost("/sessions/{sessionId:guid}/reschedule/decline", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AnswerReschedule(sessionId, user.GetUserId(), false), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Declines the other side's proposed time (declining the coach's cancels the session with a full refund of it).");
    }
}
