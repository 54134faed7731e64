using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coachee books one session of their paid order (a package's next session) at one of the coach's free times.</summary>
internal sealed record BookSession(Guid OrderId, Guid CoacheeId, DateTime StartsAt) : IRequest<BookedSession>;

internal sealed record BookedSession(Guid SessionId, DateTime StartsAt, int SessionsLeft);

internal sealed record BookSessionBody(DateTime StartsAt);

internal sealed class BookSessionValidator : AbstractValidator<BookSession>
{
    public BookSessionValidator()
    {
        RuleFor(x => x.OrderId).NotEmpty();
        RuleFor(x => x.StartsAt).NotEqual(default(DateTime)).WithMessage("Choose a time.");
    }
}

internal sealed class BookSessionHandler(OrdersDbContext db, SessionSlots slots, SessionNotifier notifier, IOptions<OrdersOptions> options)
    : IRequestHandler<BookSession, BookedSession>
{
    public async Task<BookedSession> Handle(BookSession request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == request.OrderId && o.CoacheeId == request.CoacheeId, ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        SessionCredit.EnsureBookable(order, slots.Now);
        var start = SessionSlots.Utc(request.StartsAt);
        // SQLite has no exclusion constraint: the check and the insert run in one write transaction (as at checkout).
        await using var serialized = db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
        await slots.CheckAsync(order.CoachId, order.SessionMinutes, start, null, ct);

        var now = slots.Now;
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(), OrderId = order.Id, CoachId = order.CoachId, CoacheeId = order.CoacheeId, StartsAt = start,
            EndsAt = start.AddMinutes(order.SessionMinutes), Status = BookingStatus.Booked, CreatedAt = now,
            MeetingUrl = MeetingRooms.For(order, options.Value.MeetingRoomBaseUrl),
        };
        order.Bookings.Add(booking);
        db.Bookings.Add(booking);
        order.Touch(now); // the order's concurrency token: two bookings of the last session cannot both pass
        var left = SessionRules.Unbooked(order);
        order.Record(now, $"coachee:{request.CoacheeId}", $"Session booked for {start:yyyy-MM-dd HH:mm} UTC ({left} left to book)", null);
        await notifier.ScheduledAsync(order, booking, moved: false, ct);
        await SessionCredit.SaveAsync(db, serialized, ct);
        return new BookedSession(booking.Id, start, left);
    }
}

/// <summary>What a booking of an order's next session requires, and saving a change that takes a slot.</summary>
internal static class SessionCredit
{
    public static void EnsureBookable(Order order, DateTime now)
    {
        if (order.State is OrderState.Disputed or OrderState.DisputeLost)
            throw new ConflictException("order_disputed", "This order is disputed; its sessions cannot be booked.");
        if (order.State is not (OrderState.Paid or OrderState.PartiallyRefunded))
            throw new ConflictException("order_not_paid", "Sessions can be booked once the order is paid.");
        if (SessionRules.Expired(order, now))
            throw new ConflictException("package_expired", $"This package could be booked until {order.ValidUntil:yyyy-MM-dd HH:mm} UTC.");
        if (SessionRules.Unbooked(order) == 0)
            throw new ConflictException("no_sessions_left", "Every session of this order is booked or used.");
    }

    /// <summary>Saves; a concurrent booking of the same slot (unique index / exclusion constraint) or of the same order's last session is a 409.</summary>
    public static async Task SaveAsync(OrdersDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? serialized, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            if (serialized is not null) await serialized.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            if (serialized is not null) await serialized.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw new ConflictException("order_changed", "The order changed meanwhile; reload it and try again.");
        }
        catch (DbUpdateException)
        {
            if (serialized is not null) await serialized.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw new ConflictException("slot_taken", "This time was just booked by someone else. Please choose another.");
        }
    }
}

internal static class BookSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{orderId:guid}/sessions", async (Guid orderId, BookSessionBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BookSession(orderId, user.GetUserId(), body.StartsAt), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Books one session of a paid order at a free time of the coach (409 slot_in_past, slot_inside_notice, slot_unavailable, slot_taken, no_sessions_left, package_expired).");
}
