using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coachee's own orders, newest first, a page at a time.</summary>
internal sealed record ListMyOrders(Guid CoacheeId, int Page = 1) : IRequest<OrderPage>;

internal sealed class ListMyOrdersHandler(IMediator mediator) : IRequestHandler<ListMyOrders, OrderPage>
{
    public Task<OrderPage> Handle(ListMyOrders request, CancellationToken ct) =>
        mediator.Send(new SearchOrders(new OrderFilter(CoacheeId: request.CoacheeId, Page: request.Page)), ct);
}

internal static class ListMyOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/mine", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMyOrders(user.GetUserId(), page ?? 1), ct)))
            .RequireAuthorization(Policies.Member);
}
