namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Orders: a coach is listed only while payouts are enabled.</summary>
internal sealed class CoachPayoutStatusChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<CoachPayoutStatusChanged>
{
    public async Task Handle(CoachPayoutStatusChanged n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.CoachId, ct);
        status.PayoutsEnabled = n.PayoutsEnabled;
        status.UpdatedAt = n.At;
        await ListedState.RefreshAsync(db, n.CoachId, time.GetUtcNow(), ct);
        await db.SaveAndBumpAsync(ct);
    }
}
