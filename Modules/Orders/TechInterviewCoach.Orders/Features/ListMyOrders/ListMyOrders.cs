using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>A person's own orders, newest first, a page at a time: those they bought, or (<paramref name="AsCoach"/>) those of their listings.</summary>
internal sealed record ListMyOrders(Guid UserId, bool AsCoach = false, int Page = 1) : IRequest<OrderPage>;

internal sealed class ListMyOrdersHandler(IMediator mediator) : IRequestHandler<ListMyOrders, OrderPage>
{
    public Task<OrderPage> Handle(ListMyOrders request, CancellationToken ct) =>
        mediator.Send(new SearchOrders(request.AsCoach
            ? new OrderFilter(CoachId: request.UserId, Page: request.Page)
            : new OrderFilter(CoacheeId: request.UserId, Page: request.Page)), ct);
}

internal static class ListMyOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/mine", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMyOrders(user.GetUserId(), AsCoach: false, page ?? 1), ct)))
            .RequireAuthorization(Policies.Member);
        group.MapGet("/coach", async (ClaimsPrincipal user, IMediator m, int? page, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMyOrders(user.GetUserId(), AsCoach: true, page ?? 1), ct)))
            .RequireAuthorization(Policies.Coach);
    }
}
