using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The orders of the coach's listings, newest first, a page at a time.</summary>
internal sealed record ListCoachOrders(Guid CoachId, int Page = 1) : IRequest<OrderPage>;

internal sealed class ListCoachOrdersHandler(IMediator mediator) : IRequestHandler<ListCoachOrders, OrderPage>
{
    public Task<OrderPage> Handle(ListCoachOrders request, CancellationToken ct) =>
        mediator.Send(new SearchOrders(new OrderFilter(CoachId: request.CoachId, Page: request.Page)), ct);
}

internal static class ListCoachOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coach", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListCoachOrders(user.GetUserId(), page ?? 1), ct)))
            .RequireAuthorization(Policies.Coach);
}
