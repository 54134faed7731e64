namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Identity: a suspended coach is not listed.</summary>
internal sealed class UserSuspensionChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<UserSuspensionChanged>
{
    public async Task Handle(UserSuspensionChanged n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.UserId, ct);
        status.IsSuspended = n.Suspended;
        status.UpdatedAt = n.At;
        await ListedState.RefreshAsync(db, n.UserId, time.GetUtcNow(), ct);
        await db.SaveAndBumpAsync(ct);
    }
}
