namespace TechInterviewCoach.Messaging.Features;

/// <summary>Either side blocks the other: no new messages from either, in this conversation.</summary>
internal sealed record BlockConversation(Guid ConversationId, Guid UserId) : IRequest<Unit>;

internal sealed class BlockConversationHandler(MessagingDbContext db, IChatBus bus, TimeProvider time) : IRequestHandler<BlockConversation, Unit>
{
    public async Task<Unit> Handle(BlockConversation request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.UserId, ct);
        if (c.IsBlocked) return Unit.Value;
        c.BlockedBy = request.UserId;
        c.BlockedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(new ChatEvent(ChatEventKind.State, c.Id, c.LastSeq, c.CoacheeId, c.CoachId), CancellationToken.None);
        return Unit.Value;
    }
}

internal static class BlockConversationEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/conversations/{id:guid}/block", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new BlockConversation(id, user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("BlockConversation")
            .WithSummary("Block the other party: no new messages from either side.");
}
