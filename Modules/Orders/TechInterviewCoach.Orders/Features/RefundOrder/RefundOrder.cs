using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>An admin (any order) or the coach (their own order) refunds all or part of an order, with a reason.</summary>
internal sealed record RefundOrder(Guid OrderId, long AmountMinor, string Reason, Guid ActorId, bool ActorIsAdmin) : IRequest<RefundResult>;

internal sealed record RefundResult(Guid RefundId, string? StripeRefundId, long AmountMinor, string Currency);

internal sealed class RefundOrderValidator : AbstractValidator<RefundOrder>
{
    public RefundOrderValidator()
    {
        RuleFor(x => x.AmountMinor).GreaterThan(0).WithMessage("Enter an amount above zero.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give a reason for the refund.").MaximumLength(500);
    }
}

internal sealed class RefundOrderHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IOptions<OrdersOptions> options)
    : IRequestHandler<RefundOrder, RefundResult>
{
    public async Task<RefundResult> Handle(RefundOrder request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Refunds).SingleOrDefaultAsync(o => o.Id == request.OrderId, ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        if (!request.ActorIsAdmin && order.CoachId != request.ActorId)
            throw new NotFoundException("order_not_found", "This order does not exist.");
        var actor = (request.ActorIsAdmin ? "admin:" : "coach:") + request.ActorId;
        return await Refunder.RefundAsync(db, stripe, time, options.Value, order, request.AmountMinor, request.Reason, actor, ct);
    }
}

internal sealed record RefundBody(long AmountMinor, string? Reason);

internal static class RefundOrderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{orderId:guid}/refunds", async (Guid orderId, RefundBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefundOrder(orderId, body.AmountMinor, body.Reason ?? "", user.GetUserId(), user.IsInRole(Roles.Admin)), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Refunds all or part of an order (admin, or the coach for their own order).");
}
