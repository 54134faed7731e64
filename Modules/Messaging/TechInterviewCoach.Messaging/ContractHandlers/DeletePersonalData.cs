namespace TechInterviewCoach.Messaging.ContractHandlers;

/// <summary>
/// Messaging's part of deleting an account (on Identity's UserDeleted). A deleted person's messages stay for the other party (names come from Identity, which says "Deleted user");
/// their conversations close (ending any coach's access) and their open streams end on every instance. Idempotent.
/// </summary>
internal sealed class DeletePersonalDataHandler(MessagingDbContext db, IMediator mediator, IChatBus bus, TimeProvider time) : INotificationHandler<UserDeleted>
{
    public async Task Handle(UserDeleted notification, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Conversations
            .Where(c => (c.CoacheeId == notification.UserId || c.CoachId == notification.UserId) && c.ClosedAt == null)
            .ToListAsync(ct);
        foreach (var c in open)
        {
            c.ClosedAt = now;
            await mediator.Publish(new ConversationClosed(c.Id, c.CoacheeId, c.CoachId, now), ct);
        }
        await db.SuspendedSenders.Where(s => s.UserId == notification.UserId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var c in open)
            await bus.PublishAsync(new ChatEvent(ChatEventKind.State, c.Id, c.LastSeq, c.CoacheeId, c.CoachId), CancellationToken.None);
        await bus.PublishAsync(ChatEvent.EndUser(notification.UserId), CancellationToken.None);
    }
}
