namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Messaging: a coachee started a conversation with a coach, so that coach may see the quiz and CV. Idempotent.</summary>
internal sealed class ConversationStartedHandler(MatchingDbContext db) : INotificationHandler<ConversationStarted>
{
    public async Task Handle(ConversationStarted n, CancellationToken ct)
    {
        if (await db.AccessGrants.AnyAsync(g => g.ConversationId == n.ConversationId, ct)) return;
        db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(), ConversationId = n.ConversationId, CoacheeId = n.CoacheeId, CoachId = n.CoachId, GrantedAt = n.At });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.AccessGrants.AnyAsync(g => g.ConversationId == n.ConversationId, ct)) throw;
            // a concurrent delivery created it
        }
    }
}
