namespace TechInterviewCoach.Messaging.Features;

/// <summary>The reader has read everything up to <paramref name="Seq"/> (read receipts and unread counts).</summary>
internal sealed record MarkRead(Guid ConversationId, Guid ReaderId, long Seq) : IRequest<long>;

internal sealed class MarkReadHandler(MessagingDbContext db, IChatBus bus) : IRequestHandler<MarkRead, long>
{
    public async Task<long> Handle(MarkRead request, CancellationToken ct)
    {
        var c = await db.ForParticipantAsync(request.ConversationId, request.ReaderId, ct, tracked: false);
        var seq = Math.Clamp(request.Seq, 0, c.LastSeq);
        int changed;
        if (request.ReaderId == c.CoacheeId)
            changed = await db.Conversations.Where(x => x.Id == c.Id && x.CoacheeReadSeq < seq).ExecuteUpdateAsync(s => s.SetProperty(x => x.CoacheeReadSeq, seq), ct);
        else
            changed = await db.Conversations.Where(x => x.Id == c.Id && x.CoachReadSeq < seq).ExecuteUpdateAsync(s => s.SetProperty(x => x.CoachReadSeq, seq), ct);
        if (changed > 0)
            await bus.PublishAsync(new ChatEvent(ChatEventKind.Read, c.Id, seq, c.CoacheeId, c.CoachId) { ActorId = request.ReaderId }, CancellationToken.None);
        return Math.Max(seq, c.ReadSeqOf(request.ReaderId));
    }
}

internal static class MarkReadEndpoint
{
    internal sealed record ReadBody(long Seq);
    internal sealed record ReadResult(long ReadSeq);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/conversations/{id:guid}/read", async Task<Ok<ReadResult>> (Guid id, ReadBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new ReadResult(await mediator.Send(new MarkRead(id, user.GetUserId(), body.Seq), ct))))
            .RequireAuthorization(Policies.Member)
            .WithName("MarkRead")
            .WithSummary("Marks the conversation read up to a message's sequence number; the sender then sees \"Read\".");
}
