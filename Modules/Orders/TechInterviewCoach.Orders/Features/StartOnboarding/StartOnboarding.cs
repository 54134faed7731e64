using System.Security.Claims;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Features;

/// <summary>Creates the coach's Express account once (idempotency key per coach) and returns Stripe's onboarding link.</summary>
internal sealed record StartOnboarding(Guid CoachId, string BaseUrl) : IRequest<string>;

internal sealed class StartOnboardingHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time) : IRequestHandler<StartOnboarding, string>
{
    public async Task<string> Handle(StartOnboarding request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            // Two clicks at once both find no account: Stripe returns the same account for the same idempotency key, and
            // the second insert is retried as a read of the first one's row.
            var row = await db.RetryOnRaceAsync(async c =>
            {
                var row = await db.PayoutAccounts.SingleOrDefaultAsync(a => a.CoachId == request.CoachId, c);
                if (row is null)
                {
                    var account = await stripe.CreateExpressAccountAsync(request.CoachId, c);
                    row = new PayoutAccount { CoachId = request.CoachId, StripeAccountId = account.Id, Simulated = stripe.IsSimulator, CreatedAt = now };
                    db.PayoutAccounts.Add(row);
                    PayoutAccounts.Apply(db, row, account, now, now);
                    await db.SaveChangesAsync(c);
                }
                return row;
            }, ct);
            var origin = request.BaseUrl.TrimEnd('/');
            return await stripe.CreateOnboardingLinkAsync(row.StripeAccountId, $"{origin}/coach/payouts/refresh", $"{origin}/coach/payouts/return", ct);
        }
        catch (StripeUnavailableException e) { throw new ConflictException("payment_provider_unavailable", e.Message); }
        catch (StripeApiException e) { throw new ConflictException("payment_provider_rejected", e.Message); }
    }
}

internal static class StartOnboardingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/payouts/onboarding", async (HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new { url = await m.Send(new StartOnboarding(user.GetUserId(), OrdersModule.Origin(request)), ct) }))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
}
