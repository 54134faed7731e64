namespace TechInterviewCoach.Messaging.Features;

/// <summary>The coachee closes the conversation: the coach's access to quiz and CV ends now; history stays for both.</summary>
internal sealed record CloseConversation(Guid ConversationId, Guid UserId) : IRequest<Unit>;

internal sealed class CloseConversationHandler(MessagingDbContext db, IMediator mediator, IChatBus bus, TimeProvider time) : IRequestHandler<CloseConversation, Unit>
{
    public async Task<Unit> Handle(CloseConversation request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.UserId, ct);
        if (request.UserId != c.CoacheeId)
            throw new ForbiddenException("only_coachee_can_close", "Only the coachee who started the conversation can close it.");
        if (c.IsClosed) return Unit.Value;
        var now = time.GetUtcNow().UtcDateTime;
        c.ClosedAt = now;
        var closed = new ConversationClosed(c.Id, c.CoacheeId, c.CoachId, now);
        // In-process first so the coach's access ends at once (even if the save then fails, access ending early is the safe side);
        // the outbox copy makes sure it survives a crash between the two.
        await mediator.Publish(closed, ct);
        db.Enqueue(closed, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await bus.PublishAsync(new ChatEvent(ChatEventKind.State, c.Id, c.LastSeq, c.CoacheeId, c.CoachId), CancellationToken.None);
        return Unit.Value;
    }
}

internal static class CloseConversationEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/conversations/{id:guid}/close", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CloseConversation(id, user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("CloseConversation")
            .WithSummary("The coachee closes the conversation; the coach's access to quiz and CV ends.");
}
