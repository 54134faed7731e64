using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Orders.ContractHandlers;

/// <summary>Demo coaches get a simulated connected account that can take payments, so they are listed.</summary>
internal sealed class CreateDemoPayoutAccounts(OrdersDbContext db, TimeProvider time, IMediator mediator) : INotificationHandler<DemoUsersCreated>
{
    public async Task Handle(DemoUsersCreated notification, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var coaches = notification.Users.Where(u => u.Role == Roles.Coach).Select(u => u.Id).ToList();
        var existing = await db.PayoutAccounts.Where(a => coaches.Contains(a.CoachId)).Select(a => a.CoachId).ToListAsync(ct);
        foreach (var id in coaches.Except(existing))
            db.PayoutAccounts.Add(new PayoutAccount
            {
                CoachId = id, StripeAccountId = SimulatedStripe.AccountIdFor(id), ChargesEnabled = true, PayoutsEnabled = true,
                DetailsSubmitted = true, Simulated = true, CreatedAt = now, UpdatedAt = now, StateAsOf = now,
            });
        await db.SaveChangesAsync(ct);
        foreach (var id in coaches) await mediator.Publish(new CoachPayoutStatusChanged(id, true, now), ct);
    }
}
