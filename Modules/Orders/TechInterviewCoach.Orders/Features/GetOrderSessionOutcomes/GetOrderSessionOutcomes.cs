namespace TechInterviewCoach.Orders.Features;

/// <summary>Every paid session of an order with its outcome: for the order pages and the admin order record.</summary>
internal sealed record GetOrderSessionOutcomes(Guid OrderId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<IReadOnlyList<SessionOutcomeView>>;

internal sealed class GetOrderSessionOutcomesHandler(OrdersDbContext db, TimeProvider time, OrderNotifier people)
    : IRequestHandler<GetOrderSessionOutcomes, IReadOnlyList<SessionOutcomeView>>
{
    public async Task<IReadOnlyList<SessionOutcomeView>> Handle(GetOrderSessionOutcomes request, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == request.OrderId, ct);
        if (order is null || (!request.ViewerIsAdmin && order.CoachId != request.ViewerId && order.CoacheeId != request.ViewerId))
            throw new NotFoundException("order_not_found", "This order does not exist.");
        var reports = await db.Reports.AsNoTracking().Where(r => r.OrderId == order.Id).ToDictionaryAsync(r => r.BookingId, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.OrderId == order.Id).ToDictionaryAsync(r => r.BookingId, ct);
        var names = await people.PeopleAsync([order.CoachId, order.CoacheeId], ct);
        var now = time.GetUtcNow().UtcDateTime;
        return order.Bookings.Where(b => b.Status == BookingStatus.Booked).OrderBy(b => b.StartsAt)
            .Select(b => SessionOutcomeViews.Of(new SessionFacts
            {
                Booking = b, Order = order, Now = now, Report = reports.GetValueOrDefault(b.Id), Review = reviews.GetValueOrDefault(b.Id),
            }, request.ViewerId, names)).ToList();
    }
}

/// <summary>What the order pages pass to the sessions-held partial: which order, and whether an admin looks.</summary>
internal sealed record SessionOutcomesFor(Guid OrderId, bool Admin);
