namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Messaging: the coachee closed the conversation; the coach's access through it ends. A close that arrives first leaves an ended grant.</summary>
internal sealed class ConversationClosedHandler(MatchingDbContext db) : INotificationHandler<ConversationClosed>
{
    public async Task Handle(ConversationClosed n, CancellationToken ct)
    {
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.ConversationId == n.ConversationId, ct);
        if (grant is null)
            db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(), ConversationId = n.ConversationId, CoacheeId = n.CoacheeId, CoachId = n.CoachId, GrantedAt = n.At, EndedAt = n.At });
        else if (grant.EndedAt is null) grant.EndedAt = n.At;
        else return;
        await db.SaveChangesAsync(ct);
    }
}
