namespace TechInterviewCoach.Orders.Features;

internal sealed record CoachUpcomingSession(Guid OrderId, DateTime StartsAt, string ListingTitle, string CoacheeName);

/// <summary>A coach's booked sessions from now on, soonest first.</summary>
internal sealed record GetCoachUpcomingSessions(Guid CoachId, int Take = 20) : IRequest<IReadOnlyList<CoachUpcomingSession>>;

internal sealed class GetCoachUpcomingSessionsHandler(OrdersDbContext db, OrderNotifier people, TimeProvider time)
    : IRequestHandler<GetCoachUpcomingSessions, IReadOnlyList<CoachUpcomingSession>>
{
    public async Task<IReadOnlyList<CoachUpcomingSession>> Handle(GetCoachUpcomingSessions request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.CoachId == request.CoachId && b.Status == BookingStatus.Booked && b.EndsAt > now)
            .OrderBy(b => b.StartsAt).Take(request.Take)
            .Join(db.Orders, b => b.OrderId, o => o.Id, (b, o) => new { b.OrderId, b.StartsAt, o.ListingTitle, b.CoacheeId })
            .ToListAsync(ct);
        var names = await people.PeopleAsync(rows.Select(r => r.CoacheeId).Distinct().ToList(), ct);
        return rows.Select(r => new CoachUpcomingSession(r.OrderId, r.StartsAt, r.ListingTitle, OrderNotifier.Name(names, r.CoacheeId))).ToList();
    }
}
