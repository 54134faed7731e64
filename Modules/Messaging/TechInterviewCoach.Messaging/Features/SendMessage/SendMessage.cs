namespace TechInterviewCoach.Messaging.Features;

/// <param name="SenderName">The sender's display name when the caller knows it (the signed-in principal carries it); else it is looked up.</param>
internal sealed record SendMessage(Guid ConversationId, Guid SenderId, string? Text, string? SenderName = null) : IRequest<MessageDto>;

internal sealed class SendMessageHandler(
    MessagingDbContext db, IMediator mediator, IChatBus bus, TimeProvider time, IOptions<MessagingOptions> options)
    : IRequestHandler<SendMessage, MessageDto>
{
    public async Task<MessageDto> Handle(SendMessage request, CancellationToken ct)
    {
        var text = MessageText.Normalize(request.Text);
        for (var attempt = 1; ; attempt++)
        {
            // First optimistically (the conversation's number is a concurrency token); after a collision, in a
            // transaction holding the conversation's row lock, so a burst of concurrent senders cannot run out of tries.
            await using var transaction = attempt == 1 ? null : await db.Database.BeginTransactionAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            var conversation = attempt == 1
                ? await db.ForParticipantAsync(request.ConversationId, request.SenderId, ct)
                : await db.ForParticipantLockedAsync(request.ConversationId, request.SenderId, ct);
            await db.EnsureCanSendAsync(request.SenderId, ct);
            conversation.EnsureOpen();
            var now = time.GetUtcNow().UtcDateTime;
            conversation.LastSeq += 1;
            conversation.LastMessageAt = now;
            // Writing is reading: the sender has seen everything up to their own message.
            if (request.SenderId == conversation.CoacheeId) conversation.CoacheeReadSeq = conversation.LastSeq;
            else conversation.CoachReadSeq = conversation.LastSeq;
            var message = new Message
            {
                Id = Guid.CreateVersion7(), ConversationId = conversation.Id, Seq = conversation.LastSeq,
                SenderId = request.SenderId, Text = text, SentAt = now,
            };
            db.Messages.Add(message);
            if (request.SenderId == conversation.CoachId && conversation.FirstReplyAt is null)
            {
                conversation.FirstReplyAt = now;
                db.Enqueue(await ResponsivenessMeasure.MeasureAsync(db, conversation.CoachId, now, options.Value.ReplyPromise, conversation, ct), time.GetUtcNow());
            }
            try
            {
                await db.SaveChangesAsync(ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Someone else's message took this number first: take the next one.
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                continue;
            }
            await bus.PublishAsync(new ChatEvent(ChatEventKind.Message, conversation.Id, message.Seq, conversation.CoacheeId, conversation.CoachId)
            {
                ActorId = request.SenderId,
                Message = new ChatMessage(message.Id, message.Seq, message.SenderId, message.Text, message.SentAt),
            }, CancellationToken.None);
            var senderName = request.SenderName is { Length: > 0 } name ? name : (await mediator.NamesAsync([request.SenderId], ct)).NameOf(request.SenderId);
            return message.ToDto(request.SenderId, conversation, senderName);
        }
    }
}

internal static class SendMessageEndpoint
{
    internal sealed record Body(string? Text);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/conversations/{id:guid}/messages", async Task<Created<MessageDto>> (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var message = await mediator.Send(new SendMessage(id, user.GetUserId(), body.Text, user.Identity?.Name), ct);
                return TypedResults.Created($"/api/messaging/conversations/{id}/messages?after={message.Seq - 1}", message);
            })
            .RequireAuthorization(Policies.Member)
            .RequireRateLimiting(RateLimitPolicies.Messages)
            .WithName("SendMessage")
            .WithSummary("Send a text message (1–4,000 characters) in a conversation you take part in.");
}
