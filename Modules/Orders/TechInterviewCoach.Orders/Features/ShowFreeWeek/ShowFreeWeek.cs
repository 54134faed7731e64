using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// The coach's free slots of one week, laid out in the viewer's zone, for booking an order's next session or moving one
/// (<paramref name="SessionId"/>: that session's own time counts as free). Either side of the order may look.
/// </summary>
internal sealed record ShowFreeWeek(Guid OrderId, Guid ViewerId, string ViewerZone, DateOnly? Week, Guid? SessionId = null) : IRequest<FreeWeek>;

internal sealed record FreeWeek(Guid OrderId, string ListingTitle, int SessionMinutes, int SessionsLeft, DateTime? ValidUntil, WeekView Week);

internal sealed class ShowFreeWeekHandler(OrdersDbContext db, SessionSlots slots) : IRequestHandler<ShowFreeWeek, FreeWeek>
{
    public async Task<FreeWeek> Handle(ShowFreeWeek request, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Bookings)
                        .SingleOrDefaultAsync(o => o.Id == request.OrderId && (o.CoacheeId == request.ViewerId || o.CoachId == request.ViewerId), ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        if (request.SessionId is { } sid && order.Bookings.All(b => b.Id != sid))
            throw new NotFoundException("session_not_found", "This session does not exist.");
        var availability = await slots.AvailabilityAsync(order.CoachId, ct);
        var free = await slots.FreeAsync(availability, order.CoachId, order.SessionMinutes, request.SessionId, ct);
        var week = WeekGrid.Build(free, slots.Now, slots.Horizon, UserTime.Find(request.ViewerZone), UserTime.Find(availability?.TimeZone), request.Week);
        return new FreeWeek(order.Id, order.ListingTitle, order.SessionMinutes, SessionRules.Unbooked(order), order.ValidUntil, week);
    }
}

internal static class ShowFreeWeekEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{orderId:guid}/free-week", async (Guid orderId, DateOnly? week, Guid? sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ShowFreeWeek(orderId, user.GetUserId(), user.GetTimeZone().Id, week, sessionId), ct)))
            .RequireAuthorization(Policies.Member)
            .WithSummary("The coach's free slots of one week (Monday to Sunday in your zone) for booking or moving a session of this order.");
}
