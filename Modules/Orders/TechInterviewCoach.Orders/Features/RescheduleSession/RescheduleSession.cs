using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Either side asks to move a booked session to another free time of the coach. The coachee moves it at once while the
/// session is further away than Orders:CancellationNoticeHours; inside that notice the coach must accept. A coach's new time
/// always waits for the coachee, who may decline it for a full refund of that session (<see cref="AnswerReschedule"/>).
/// </summary>
internal sealed record RescheduleSession(Guid SessionId, Guid UserId, DateTime StartsAt) : IRequest<RescheduleOutcome>;

/// <param name="Outcome">"moved" (the session has the new time) or "proposed" (it waits for the other side).</param>
internal sealed record RescheduleOutcome(Guid SessionId, string Outcome, DateTime StartsAt, DateTime? ProposedStartsAt);

internal sealed record RescheduleBody(DateTime StartsAt);

internal sealed class RescheduleSessionValidator : AbstractValidator<RescheduleSession>
{
    public RescheduleSessionValidator() => RuleFor(x => x.StartsAt).NotEqual(default(DateTime)).WithMessage("Choose a new time.");
}

internal sealed class RescheduleSessionHandler(OrdersDbContext db, SessionSlots slots, SessionNotifier notifier, IOptions<OrdersOptions> options)
    : IRequestHandler<RescheduleSession, RescheduleOutcome>
{
    public async Task<RescheduleOutcome> Handle(RescheduleSession request, CancellationToken ct)
    {
        var (order, booking) = await SessionMoves.LoadAsync(db, request.SessionId, request.UserId, ct);
        var now = slots.Now;
        if (booking.StartsAt <= now) throw new ConflictException("session_started", "This session has already started.");
        var start = SessionSlots.Utc(request.StartsAt);
        if (start == booking.StartsAt) throw new ConflictException("same_time", "The session already takes place at this time.");
        var byCoach = booking.CoachId == request.UserId;
        await using var serialized = db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
        await slots.CheckAsync(order.CoachId, order.SessionMinutes, start, booking.Id, ct);

        var actor = (byCoach ? "coach:" : "coachee:") + request.UserId;
        var freeForCoachee = !byCoach && booking.StartsAt >= now.AddHours(options.Value.CancellationNoticeHours);
        if (freeForCoachee)
        {
            var from = booking.StartsAt;
            SessionMoves.Move(booking, start, order.SessionMinutes);
            order.Touch(now);
            order.Record(now, actor, $"Session moved by the coachee from {from:yyyy-MM-dd HH:mm} to {start:yyyy-MM-dd HH:mm} UTC", null);
            await notifier.ScheduledAsync(order, booking, moved: true, ct);
            await SessionCredit.SaveAsync(db, serialized, ct);
            return new RescheduleOutcome(booking.Id, "moved", start, null);
        }

        booking.ProposedStartsAt = start;
        booking.ProposedBy = byCoach ? "coach" : "coachee";
        order.Touch(now);
        order.Record(now, actor, $"The {booking.ProposedBy} proposed moving the session of {booking.StartsAt:yyyy-MM-dd HH:mm} to {start:yyyy-MM-dd HH:mm} UTC"
                                 + (byCoach ? "; the coachee accepts, or declines for a full refund of it" : "; inside the notice the coach must accept"), null);
        await notifier.ProposedAsync(order, booking, byCoach ? order.CoacheeId : order.CoachId, ct);
        await SessionCredit.SaveAsync(db, serialized, ct);
        return new RescheduleOutcome(booking.Id, "proposed", booking.StartsAt, start);
    }
}

internal static class SessionMoves
{
    /// <summary>The booked session and its order, for one of its two people; anyone else gets 404 (the session's existence is not told).</summary>
    public static async Task<(Order Order, Booking Booking)> LoadAsync(OrdersDbContext db, Guid sessionId, Guid userId, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == sessionId, ct);
        if (booking is null || (booking.CoacheeId != userId && booking.CoachId != userId))
            throw new NotFoundException("session_not_found", "This session does not exist.");
        var order = await db.Orders.Include(o => o.Refunds).Include(o => o.Bookings).SingleAsync(o => o.Id == booking.OrderId, ct);
        if (booking.Status != BookingStatus.Booked)
            throw new ConflictException("session_not_booked", "Only a booked session can be moved.");
        return (order, booking);
    }

    /// <summary>The new time, a higher SEQUENCE for the calendar, no pending proposal. Reminders follow the new start (they are keyed by it).</summary>
    public static void Move(Booking booking, DateTime start, int minutes)
    {
        booking.StartsAt = start;
        booking.EndsAt = start.AddMinutes(minutes);
        booking.Sequence++;
        booking.ProposedStartsAt = null;
        booking.ProposedBy = null;
    }
}

internal static class RescheduleSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/reschedule", async (Guid sessionId, RescheduleBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RescheduleSession(sessionId, user.GetUserId(), body.StartsAt), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Moves a booked session (the coachee, outside the notice) or proposes a new time to the other side.");
}
