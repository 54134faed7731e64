namespace TechInterviewCoach.Orders.Features;

/// <summary>One session with its order, report and review, as the completion and review use cases need them.</summary>
internal sealed class SessionFacts
{
    public required Booking Booking { get; init; }
    public required Order Order { get; init; }
    public SessionReport? Report { get; init; }
    public SessionReview? Review { get; init; }
    public required DateTime Now { get; init; }

    public SessionOutcome Outcome => SessionCompletion.Of(Booking.Status, Booking.StartsAt, Booking.EndsAt, Order.State, Report, Now);

    public static NotFoundException NotFound() => new("session_not_found", "This session does not exist.");

    /// <summary>
    /// Loads the session for one of its two people (or an admin); anyone else gets 404, as for a session that does not exist.
    /// Tracked, with the order's refunds, so a use case can change and save it.
    /// </summary>
    public static async Task<SessionFacts> LoadAsync(OrdersDbContext db, Guid sessionId, Guid viewerId, bool viewerIsAdmin, DateTime now, CancellationToken ct)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == sessionId, ct);
        if (booking is null || (!viewerIsAdmin && booking.CoachId != viewerId && booking.CoacheeId != viewerId)) throw NotFound();
        var order = await db.Orders.Include(o => o.Refunds).SingleAsync(o => o.Id == booking.OrderId, ct);
        return new SessionFacts
        {
            Booking = booking, Order = order, Now = now,
            Report = await db.Reports.SingleOrDefaultAsync(r => r.BookingId == sessionId, ct),
            Review = await db.Reviews.SingleOrDefaultAsync(r => r.BookingId == sessionId, ct),
        };
    }

    public static string Actor(Guid userId, bool isCoach) => (isCoach ? "coach:" : "coachee:") + userId;

    public string When => $"{Booking.StartsAt:yyyy-MM-dd HH:mm} UTC";
}
