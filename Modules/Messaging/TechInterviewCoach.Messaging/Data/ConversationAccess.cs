namespace TechInterviewCoach.Messaging.Data;

internal static class ConversationAccess
{
    /// <summary>The conversation, tracked; 404 for anyone who is not one of the two participants.</summary>
    public static async Task<Conversation> ForParticipantAsync(this MessagingDbContext db, Guid conversationId, Guid userId, CancellationToken ct, bool tracked = true)
    {
        var query = tracked ? db.Conversations : db.Conversations.AsNoTracking();
        var conversation = await query.SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !conversation.IsParticipant(userId))
            throw new NotFoundException("conversation_not_found", "There is no such conversation.");
        return conversation;
    }

    /// <summary>
    /// Like <see cref="ForParticipantAsync"/>, inside the caller's transaction, holding the conversation's row lock on
    /// PostgreSQL (FOR UPDATE) so concurrent senders in one conversation take their numbers one after the other
    /// instead of colliding. SQLite has one writer at a time anyway.
    /// </summary>
    public static async Task<Conversation> ForParticipantLockedAsync(this MessagingDbContext db, Guid conversationId, Guid userId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await db.ForParticipantAsync(conversationId, userId, ct);
        // The table name comes from the module's naming, not from input; the id is a parameter.
        var sql = "SELECT * FROM " + db.TableNames.Qualified("conversations") + " WHERE id = {0} FOR UPDATE";
        var conversation = await db.Conversations.FromSqlRaw(sql, conversationId).SingleOrDefaultAsync(ct);
        if (conversation is null || !conversation.IsParticipant(userId))
            throw new NotFoundException("conversation_not_found", "There is no such conversation.");
        return conversation;
    }

    public static async Task EnsureCanSendAsync(this MessagingDbContext db, Guid senderId, CancellationToken ct)
    {
        if (await db.SuspendedSenders.AnyAsync(s => s.UserId == senderId, ct))
            throw new ForbiddenException("sender_suspended", "Your account is suspended, so you cannot send messages. Contact support if you think this is a mistake.");
    }
}
