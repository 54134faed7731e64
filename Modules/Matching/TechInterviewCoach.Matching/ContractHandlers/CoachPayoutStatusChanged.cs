namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Orders: a coach is listed only while payouts are enabled.</summary>
internal sealed class CoachPayoutStatusChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<CoachPayoutStatusChanged>
{
    public Task Handle(CoachPayoutStatusChanged n, CancellationToken ct) =>
        ListedState.ChangeStatusAsync(db, n.CoachId, n.At, time.GetUtcNow(), s => s.PayoutsEnabled = n.PayoutsEnabled, ct);
}
