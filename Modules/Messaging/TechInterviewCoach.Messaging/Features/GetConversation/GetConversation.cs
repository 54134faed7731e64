namespace TechInterviewCoach.Messaging.Features;

/// <summary>One of the person's conversations, with its unread count; 404 for anyone else.</summary>
internal sealed record GetConversation(Guid ConversationId, Guid UserId) : IRequest<ConversationDto>;

internal sealed class GetConversationHandler(MessagingDbContext db, IMediator mediator) : IRequestHandler<GetConversation, ConversationDto>
{
    public async Task<ConversationDto> Handle(GetConversation request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.UserId, ct, tracked: false);
        var readSeq = c.ReadSeqOf(request.UserId);
        var unread = await db.Messages.CountAsync(m => m.ConversationId == c.Id && m.SenderId != request.UserId && m.Seq > readSeq, ct);
        var names = await mediator.NamesAsync([c.OtherParty(request.UserId)], ct);
        return c.ToDto(request.UserId, names, unread);
    }
}

internal static class GetConversationEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/conversations/{id:guid}", async Task<Ok<ConversationDto>> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetConversation(id, user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Member)
            .WithName("GetConversation")
            .WithSummary("One of your conversations.");
}
