using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

internal sealed record PayoutView(string Id, long AmountMinor, string Currency, string Amount, string Status, DateTime? ArrivalDate, DateTime UpdatedAt, string? FailureMessage);

internal sealed record PayoutStatus(bool Connected, string? AccountId, bool ChargesEnabled, bool PayoutsEnabled, bool Payable,
    IReadOnlyList<string> RequirementsDue, bool Simulated, IReadOnlyList<PayoutView> Payouts);

internal sealed record GetPayoutStatus(Guid CoachId) : IRequest<PayoutStatus>;

internal sealed class GetPayoutStatusHandler(OrdersDbContext db) : IRequestHandler<GetPayoutStatus, PayoutStatus>
{
    public async Task<PayoutStatus> Handle(GetPayoutStatus request, CancellationToken ct)
    {
        var row = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CoachId == request.CoachId, ct);
        var payouts = await db.Payouts.AsNoTracking().Where(p => p.CoachId == request.CoachId).OrderByDescending(p => p.UpdatedAt).Take(200).ToListAsync(ct);
        return new PayoutStatus(row is not null, row?.StripeAccountId, row?.ChargesEnabled ?? false, row?.PayoutsEnabled ?? false, row?.Payable ?? false,
            row is null || row.RequirementsDue.Length == 0 ? [] : row.RequirementsDue.Split(','), row?.Simulated ?? false,
            payouts.Select(p => new PayoutView(p.Id, p.AmountMinor, p.Currency, Currencies.Format(p.AmountMinor, p.Currency), p.Status, p.ArrivalDate, p.UpdatedAt, p.FailureMessage)).ToList());
    }
}

internal static class GetPayoutStatusEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/payouts", async (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPayoutStatus(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach);
}
