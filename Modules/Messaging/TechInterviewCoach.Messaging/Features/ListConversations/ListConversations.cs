namespace TechInterviewCoach.Messaging.Features;

/// <summary>The person's conversations, latest activity first, with unread counts and the other party's name.</summary>
internal sealed record ListConversations(Guid UserId) : IRequest<IReadOnlyList<ConversationDto>>;

internal sealed class ListConversationsHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<ListConversations, IReadOnlyList<ConversationDto>>
{
    public async Task<IReadOnlyList<ConversationDto>> Handle(ListConversations request, CancellationToken ct)
    {
        var me = request.UserId;
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.CoacheeId == me || c.CoachId == me)
            .OrderByDescending(c => c.LastMessageAt).ToListAsync(ct);
        var unread = await db.UnreadByConversationAsync(me, ct);
        var names = await mediator.NamesAsync(conversations.Select(c => c.OtherParty(me)), ct);
        return conversations.Select(c => c.ToDto(me, names, unread.GetValueOrDefault(c.Id))).ToList();
    }
}

internal static class ListConversationsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/conversations", async Task<Ok<IReadOnlyList<ConversationDto>>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListConversations(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("ListConversations")
            .WithSummary("Your conversations, latest activity first, with unread counts.");
}
