using TechInterviewCoach.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Stripe;

namespace TechInterviewCoach.Orders.Features.Payouts;

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
            payouts.Select(p => new PayoutView(p.Id, p.AmountMinor, p.Currency, SharedKernel.Currencies.Format(p.AmountMinor, p.Currency), p.Status, p.ArrivalDate, p.UpdatedAt, p.FailureMessage)).ToList());
    }
}

internal sealed class IsCoachPayableHandler(OrdersDbContext db) : IRequestHandler<IsCoachPayable, bool>
{
    public Task<bool> Handle(IsCoachPayable request, CancellationToken ct) =>
        db.PayoutAccounts.AnyAsync(a => a.CoachId == request.CoachId && a.ChargesEnabled && a.PayoutsEnabled, ct);
}

/// <summary>Demo coaches get a simulated connected account that can take payments, so they are listed.</summary>
internal sealed class DemoPayoutAccounts(OrdersDbContext db, TimeProvider time, IMediator mediator) : INotificationHandler<DemoUsersCreated>
{
    public async Task Handle(DemoUsersCreated notification, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var coaches = notification.Users.Where(u => u.Role == SharedKernel.Roles.Coach).Select(u => u.Id).ToList();
        var existing = await db.PayoutAccounts.Where(a => coaches.Contains(a.CoachId)).Select(a => a.CoachId).ToListAsync(ct);
        foreach (var id in coaches.Except(existing))
            db.PayoutAccounts.Add(new PayoutAccount
            {
                CoachId = id, StripeAccountId = Simulator.SimulatedStripe.AccountIdFor(id), ChargesEnabled = true, PayoutsEnabled = true,
                DetailsSubmitted = true, Simulated = true, CreatedAt = now, UpdatedAt = now, StateAsOf = now,
            });
        await db.SaveChangesAsync(ct);
        foreach (var id in coaches) await mediator.Publish(new CoachPayoutStatusChanged(id, true, now), ct);
    }
}
