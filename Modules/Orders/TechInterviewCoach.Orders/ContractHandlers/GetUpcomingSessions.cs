namespace TechInterviewCoach.Orders.ContractHandlers;

internal sealed class GetUpcomingSessionsHandler(OrdersDbContext db, TimeProvider time, IOptions<OrdersOptions> options) : IRequestHandler<GetUpcomingSessions, IReadOnlyList<UpcomingSession>>
{
    public async Task<IReadOnlyList<UpcomingSession>> Handle(GetUpcomingSessions request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var linkFrom = now.AddMinutes(options.Value.MeetingLinkShownMinutesBefore);
        var rows = await (from b in db.Bookings.AsNoTracking()
                          where (b.CoachId == request.UserId || b.CoacheeId == request.UserId) && b.Status == BookingStatus.Booked && b.EndsAt > now
                          join o in db.Orders.AsNoTracking() on b.OrderId equals o.Id
                          orderby b.StartsAt
                          select new { o.Id, b.StartsAt, o.SessionMinutes, b.CoachId, b.CoacheeId, o.ListingTitle, SessionId = b.Id, b.MeetingUrl, b.ProposedStartsAt, b.ProposedBy })
            .Take(Math.Clamp(request.Take, 1, 50)).ToListAsync(ct);
        return rows.Select(r => new UpcomingSession(r.Id, r.StartsAt, r.SessionMinutes, r.CoachId, r.CoacheeId, r.ListingTitle, r.SessionId,
            r.StartsAt <= linkFrom ? r.MeetingUrl : null, r.ProposedStartsAt,
            r.ProposedBy is { } by && by != (r.CoachId == request.UserId ? "coach" : "coachee"))).ToList();
    }
}
