namespace TechInterviewCoach.Messaging.ContractHandlers;

/// <summary>A suspended person cannot send; lifting the suspension lets them send again. Idempotent.</summary>
internal sealed class UserSuspensionChangedHandler(MessagingDbContext db) : INotificationHandler<UserSuspensionChanged>
{
    public async Task Handle(UserSuspensionChanged notification, CancellationToken ct)
    {
        var row = await db.SuspendedSenders.SingleOrDefaultAsync(s => s.UserId == notification.UserId, ct);
        if (notification.Suspended && row is null)
            db.SuspendedSenders.Add(new SuspendedSender { UserId = notification.UserId, Since = notification.At });
        else if (!notification.Suspended && row is not null)
            db.SuspendedSenders.Remove(row);
        else return;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (notification.Suspended) { /* another delivery inserted it first */ }
    }
}
