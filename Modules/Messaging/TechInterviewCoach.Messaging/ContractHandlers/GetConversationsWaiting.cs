namespace TechInterviewCoach.Messaging.ContractHandlers;

internal sealed class GetConversationsWaitingHandler(MessagingDbContext db) : IRequestHandler<GetConversationsWaiting, IReadOnlyList<ConversationWaiting>>
{
    public async Task<IReadOnlyList<ConversationWaiting>> Handle(GetConversationsWaiting request, CancellationToken ct)
    {
        var unread = await db.UnreadByConversationAsync(request.UserId, ct);
        if (unread.Count == 0) return [];
        var ids = unread.Keys.ToList();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.ClosedAt == null && c.BlockedBy == null)
            .OrderByDescending(c => c.LastMessageAt).Take(Math.Clamp(request.Take, 1, 50)).ToListAsync(ct);
        return open.Select(c => new ConversationWaiting(c.Id, c.OtherParty(request.UserId), unread[c.Id], c.LastMessageAt)).ToList();
    }
}
