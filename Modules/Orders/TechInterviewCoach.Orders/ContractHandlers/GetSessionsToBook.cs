namespace TechInterviewCoach.Orders.ContractHandlers;

internal sealed class GetSessionsToBookHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<GetSessionsToBook, IReadOnlyList<SessionsToBook>>
{
    public async Task<IReadOnlyList<SessionsToBook>> Handle(GetSessionsToBook request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var orders = await db.Orders.AsNoTracking().Include(o => o.Bookings)
            .Where(o => o.CoacheeId == request.CoacheeId && (o.State == OrderState.Paid || o.State == OrderState.PartiallyRefunded) && (o.ValidUntil == null || o.ValidUntil > now)
                && (request.CoachId == null || o.CoachId == request.CoachId))
            .OrderBy(o => o.ValidUntil).Take(50).ToListAsync(ct);
        return orders.Select(o => new SessionsToBook(o.Id, o.ListingTitle, SessionRules.Unbooked(o), o.ValidUntil)).Where(x => x.SessionsLeft > 0).ToList();
    }
}
