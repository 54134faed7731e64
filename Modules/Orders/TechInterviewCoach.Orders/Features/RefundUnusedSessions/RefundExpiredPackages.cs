namespace TechInterviewCoach.Orders.Features;

/// <summary>The system's sweep: every paid order whose validity ended with sessions never booked gets them refunded.</summary>
internal sealed record RefundExpiredPackages : IRequest<int>;

internal sealed class RefundExpiredPackagesHandler(OrdersDbContext db, IMediator mediator, TimeProvider time) : IRequestHandler<RefundExpiredPackages, int>
{
    public async Task<int> Handle(RefundExpiredPackages request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.Orders.AsNoTracking()
            .Where(o => o.ValidUntil != null && o.ValidUntil <= now && (o.State == OrderState.Paid || o.State == OrderState.PartiallyRefunded)
                        && o.Sessions > o.UnusedRefundedSessions + o.Bookings.Count(b => b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked || b.Status == BookingStatus.Cancelled))
            .OrderBy(o => o.ValidUntil).Select(o => o.Id).Take(100).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                if ((await mediator.Send(new RefundUnusedSessions(id, null), ct)).Sessions > 0) done++;
            }
            catch (ConflictException) { /* changed meanwhile or Stripe refused: the next sweep tries again */ }
        }
        return done;
    }
}
