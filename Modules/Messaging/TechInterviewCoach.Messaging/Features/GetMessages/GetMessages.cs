namespace TechInterviewCoach.Messaging.Features;

/// <summary>Messages after a sequence number (oldest first), at most <paramref name="Limit"/>; without After, the latest Limit messages.</summary>
internal sealed record GetMessages(Guid ConversationId, Guid ReaderId, long? After, int Limit = 200) : IRequest<IReadOnlyList<MessageDto>>;

internal sealed class GetMessagesHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<GetMessages, IReadOnlyList<MessageDto>>
{
    public async Task<IReadOnlyList<MessageDto>> Handle(GetMessages request, CancellationToken ct)
    {
        var conversation = await db.ForParticipantAsync(request.ConversationId, request.ReaderId, ct, tracked: false);
        var limit = Math.Clamp(request.Limit, 1, 500);
        List<Message> messages;
        if (request.After is { } after)
            messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.Seq > after)
                .OrderBy(m => m.Seq).Take(limit).ToListAsync(ct);
        else
            messages = (await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id)
                .OrderByDescending(m => m.Seq).Take(limit).ToListAsync(ct)).OrderBy(m => m.Seq).ToList();
        var names = await mediator.NamesAsync([conversation.CoacheeId, conversation.CoachId], ct);
        return messages.Select(m => m.ToDto(request.ReaderId, conversation, names)).ToList();
    }
}

internal static class GetMessagesEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/conversations/{id:guid}/messages", async Task<Ok<IReadOnlyList<MessageDto>>> (Guid id, long? after, int? limit, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMessages(id, user.GetUserId(), after, limit ?? 200), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("GetMessages")
            .WithSummary("Messages of a conversation: after a sequence number (catch-up), or the latest ones.");
}
