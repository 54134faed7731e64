namespace TechInterviewCoach.Messaging.ContractHandlers;

internal sealed class GetUnreadCountHandler(MessagingDbContext db) : IRequestHandler<GetUnreadCount, int>
{
    public async Task<int> Handle(GetUnreadCount request, CancellationToken ct) =>
        (await db.UnreadByConversationAsync(request.UserId, ct)).Values.Sum();
}
