namespace TechInterviewCoach.Messaging.Data;

/// <summary>Reads a coach's conversations and measures their <see cref="Responsiveness"/>.</summary>
internal static class ResponsivenessMeasure
{
    /// <param name="pending">A conversation changed in this unit of work but not saved yet (its values win over the database's).</param>
    public static async Task<CoachResponsivenessMeasured> MeasureAsync(
        MessagingDbContext db, Guid coachId, DateTime now, TimeSpan promise, Conversation? pending, CancellationToken ct)
    {
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CoachId == coachId)
            .Select(c => new { c.Id, c.StartedAt, c.FirstReplyAt, c.ClosedAt, c.BlockedBy })
            .ToListAsync(ct);
        var conversations = rows.Select(r => new Responsiveness.Wait(r.Id, r.StartedAt, r.FirstReplyAt, r.ClosedAt == null && r.BlockedBy == null)).ToList();
        if (pending is not null)
        {
            conversations.RemoveAll(c => c.ConversationId == pending.Id);
            conversations.Add(new Responsiveness.Wait(pending.Id, pending.StartedAt, pending.FirstReplyAt, !pending.IsClosed && !pending.IsBlocked));
        }
        return Responsiveness.Measure(coachId, conversations, now, promise);
    }
}
