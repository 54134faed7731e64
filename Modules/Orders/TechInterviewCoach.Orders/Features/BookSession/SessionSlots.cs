using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// The coach's free slots and the one check every booking and move passes. A refused time answers 409 with a stable code:
/// <c>slot_in_past</c>, <c>slot_inside_notice</c> (sooner than Orders:MinimumNoticeHours), <c>slot_unavailable</c> (outside the
/// coach's availability or beyond the booking horizon), <c>slot_taken</c> (another session overlaps it).
/// </summary>
internal sealed class SessionSlots(OrdersDbContext db, IMediator mediator, TimeProvider time, IOptions<OrdersOptions> options)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;
    public DateTime Horizon => Now.AddDays(options.Value.BookingHorizonDays);

    public async Task<CoachAvailability?> AvailabilityAsync(Guid coachId, CancellationToken ct) =>
        await mediator.Send(new GetCoachAvailability(coachId), ct);

    /// <summary>Free slot starts (UTC) of the coach, one session long, from the notice to the horizon; <paramref name="except"/>'s own time counts as free.</summary>
    public async Task<List<DateTime>> FreeAsync(CoachAvailability? availability, Guid coachId, int minutes, Guid? except, CancellationToken ct)
    {
        if (availability is null) return [];
        var offered = SlotCalendar.Offered(availability, minutes, Now.AddHours(options.Value.MinimumNoticeHours), Horizon);
        if (offered.Count == 0) return offered;
        var taken = await TakenAsync(coachId, offered[0].AddDays(-1), offered[^1].AddMinutes(minutes), except, ct);
        return offered.Where(s => !taken.Any(t => t.Start < s.AddMinutes(minutes) && s < t.End)).ToList();
    }

    public async Task CheckAsync(Guid coachId, int minutes, DateTime startUtc, Guid? except, CancellationToken ct)
    {
        var now = Now;
        if (startUtc <= now) throw new ConflictException("slot_in_past", "This time has already passed. Choose a time in the future.");
        if (startUtc < now.AddHours(options.Value.MinimumNoticeHours))
            throw new ConflictException("slot_inside_notice", $"Sessions are booked at least {options.Value.MinimumNoticeHours} hours ahead. Choose a later time.");
        var availability = await AvailabilityAsync(coachId, ct);
        if (availability is null || !SlotCalendar.Offered(availability, minutes, now.AddHours(options.Value.MinimumNoticeHours), Horizon).Contains(startUtc))
            throw new ConflictException("slot_unavailable", "This time is not in the coach's availability.");
        var taken = await TakenAsync(coachId, startUtc.AddDays(-1), startUtc.AddMinutes(minutes), except, ct);
        if (taken.Any(t => t.Start < startUtc.AddMinutes(minutes) && startUtc < t.End))
            throw new ConflictException("slot_taken", "This time was just booked by someone else. Please choose another.");
    }

    private async Task<List<(DateTime Start, DateTime End)>> TakenAsync(Guid coachId, DateTime from, DateTime to, Guid? except, CancellationToken ct) =>
        (await db.Bookings.AsNoTracking()
            .Where(b => b.CoachId == coachId && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked) && b.StartsAt >= from && b.StartsAt < to && b.Id != except)
            .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct))
        .Select(b => (b.StartsAt, b.EndsAt)).ToList();

    public static DateTime Utc(DateTime value) =>
        value.Kind switch { DateTimeKind.Local => value.ToUniversalTime(), _ => DateTime.SpecifyKind(value, DateTimeKind.Utc) };
}
