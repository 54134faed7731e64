namespace TechInterviewCoach.Orders.Features;

/// <summary>One of the coachee's checkouts that waits for payment, with its held times.</summary>
internal sealed record PendingCheckout(Guid OrderId, Guid ListingId, string Title, string Price, IReadOnlyList<DateTime> Starts, DateTime CreatedAt);

/// <summary>The coachee's checkouts still waiting for payment (optionally for one listing), newest first.</summary>
internal sealed record GetPendingCheckouts(Guid CoacheeId, Guid? ListingId = null) : IRequest<IReadOnlyList<PendingCheckout>>;

internal sealed class GetPendingCheckoutsHandler(OrdersDbContext db) : IRequestHandler<GetPendingCheckouts, IReadOnlyList<PendingCheckout>>
{
    public async Task<IReadOnlyList<PendingCheckout>> Handle(GetPendingCheckouts request, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking().Where(o => o.CoacheeId == request.CoacheeId && o.State == OrderState.Pending);
        if (request.ListingId is { } listingId) query = query.Where(o => o.ListingId == listingId);
        var orders = await query.Include(o => o.Bookings).OrderByDescending(o => o.CreatedAt).Take(20).ToListAsync(ct);
        return orders.Select(o => new PendingCheckout(o.Id, o.ListingId, o.ListingTitle, Currencies.Format(o.GrossMinor, o.Currency),
            o.Bookings.Where(b => b.Status == BookingStatus.Held).Select(b => b.StartsAt).OrderBy(s => s).ToList(), o.CreatedAt)).ToList();
    }
}
