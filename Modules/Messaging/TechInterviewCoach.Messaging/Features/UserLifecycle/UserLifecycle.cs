using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Messaging.Data;
using TechInterviewCoach.Messaging.Live;

namespace TechInterviewCoach.Messaging.Features.UserLifecycle;

/// <summary>
/// A deleted person's messages stay for the other party (names come from Identity, which says "Deleted user");
/// their conversations close (ending any coach's access) and their open streams end on every instance. Idempotent.
/// </summary>
internal sealed class UserDeletedHandler(MessagingDbContext db, IMediator mediator, IChatBus bus, TimeProvider time) : INotificationHandler<UserDeleted>
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
