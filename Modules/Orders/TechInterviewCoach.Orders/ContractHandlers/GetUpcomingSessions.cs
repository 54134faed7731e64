namespace TechInterviewCoach.Orders.ContractHandlers;

internal sealed class GetUpcomingSessionsHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<GetUpcomingSessions, IReadOnlyList<UpcomingSession>>
{
    public async Task<IReadOnlyList<UpcomingSession>> Handle(GetUpcomingSessions request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await (from b in db.Bookings.AsNoTracking()
                      where (b.CoachId == request.UserId || b.CoacheeId == request.UserId) && b.Status == BookingStatus.Booked && b.EndsAt > now
                      join o in db.Orders.AsNoTracking() on b.OrderId equals o.Id
                      orderby b.StartsAt
                      select new UpcomingSession(o.Id, b.StartsAt, o.SessionMinutes, b.CoachId, b.CoacheeId, o.ListingTitle))
            .Take(Math.Clamp(request.Take, 1, 50)).ToListAsync(ct);
    }
}
