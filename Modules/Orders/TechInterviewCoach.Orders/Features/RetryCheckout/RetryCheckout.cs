using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The coachee continues to payment: the pending order's Checkout Session, re-created with its stored idempotency key if needed.</summary>
internal sealed record RetryCheckout(Guid OrderId, Guid CoacheeId, string BaseUrl) : IRequest<CheckoutResult>;

internal sealed class RetryCheckoutHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IOptions<OrdersOptions> options)
    : IRequestHandler<RetryCheckout, CheckoutResult>
{
    public async Task<CheckoutResult> Handle(RetryCheckout request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == request.OrderId && o.CoacheeId == request.CoacheeId, ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        return await CheckoutSessions.EnsureAsync(db, stripe, time, options.Value, order, request.BaseUrl, ct);
    }
}

internal static class RetryCheckoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{orderId:guid}/checkout/retry", async (Guid orderId, HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                Results.Ok(await m.Send(new RetryCheckout(orderId, user.GetUserId(), OrdersModule.Origin(request)), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Retries creating the Checkout Session of a pending order with its stored idempotency key.");
}
