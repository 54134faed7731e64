namespace TechInterviewCoach.Messaging.Data;

internal static class UnreadQueries
{
    /// <summary>Unread messages per conversation: from the other party, numbered after the reader's read mark.</summary>
    public static async Task<Dictionary<Guid, int>> UnreadByConversationAsync(this MessagingDbContext db, Guid userId, CancellationToken ct) =>
        await (from c in db.Conversations
               where c.CoacheeId == userId || c.CoachId == userId
               from m in db.Messages
               where m.ConversationId == c.Id && m.SenderId != userId
                     && m.Seq > (c.CoacheeId == userId ? c.CoacheeReadSeq : c.CoachReadSeq)
               group m by m.ConversationId into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
