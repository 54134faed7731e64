namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Identity: a suspended coach is not listed.</summary>
internal sealed class UserSuspensionChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<UserSuspensionChanged>
{
    public Task Handle(UserSuspensionChanged n, CancellationToken ct) =>
        ListedState.ChangeStatusAsync(db, n.UserId, n.At, time.GetUtcNow(), s => s.IsSuspended = n.Suspended, ct);
}
