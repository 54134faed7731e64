using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>Re-reads the account from Stripe (on return from onboarding, or on demand).</summary>
internal sealed record RefreshPayoutAccount(Guid CoachId) : IRequest<PayoutStatus>;

internal sealed class RefreshPayoutAccountHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IMediator mediator)
    : IRequestHandler<RefreshPayoutAccount, PayoutStatus>
{
    public async Task<PayoutStatus> Handle(RefreshPayoutAccount request, CancellationToken ct)
    {
        var row = await db.PayoutAccounts.SingleOrDefaultAsync(a => a.CoachId == request.CoachId, ct);
        if (row is not null)
        {
            try
            {
                var account = await stripe.GetAccountAsync(row.StripeAccountId, ct);
                var now = time.GetUtcNow().UtcDateTime;
                PayoutAccounts.Apply(db, row, account, now, now);
                await db.SaveChangesAsync(ct);
            }
            catch (StripeUnavailableException e) { throw new ConflictException("payment_provider_unavailable", e.Message); }
            catch (StripeApiException e) { throw new ConflictException("payment_provider_rejected", e.Message); }
        }
        return await mediator.Send(new GetPayoutStatus(request.CoachId), ct);
    }
}

internal static class RefreshPayoutAccountEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/payouts/refresh", async (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RefreshPayoutAccount(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
}
