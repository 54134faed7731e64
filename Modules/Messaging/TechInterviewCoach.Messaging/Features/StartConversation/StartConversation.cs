namespace TechInterviewCoach.Messaging.Features;

/// <summary>A coachee writes a first message to a coach. Starting again with the same coach continues the existing conversation.</summary>
internal sealed record StartConversation(Guid CoacheeId, Guid CoachId, string? Text) : IRequest<StartConversationResult>;

/// <param name="Created">False when the coachee already had a conversation with this coach (the message was added to it).</param>
internal sealed record StartConversationResult(Guid ConversationId, bool Created, MessageDto Message);

internal sealed partial class StartConversationHandler(
    MessagingDbContext db, IMediator mediator, IChatBus bus, TimeProvider time, ILogger<StartConversationHandler> logger)
    : IRequestHandler<StartConversation, StartConversationResult>
{
    public async Task<StartConversationResult> Handle(StartConversation request, CancellationToken ct)
    {
        var text = MessageText.Normalize(request.Text);
        if (request.CoachId == request.CoacheeId)
            throw new InputException("coach_invalid", "coachId", "You cannot start a conversation with yourself.");
        var coach = await mediator.Send(new GetUserSummary(request.CoachId), ct);
        if (coach is null || !coach.Roles.Contains(Roles.Coach) || coach.IsDeleted || coach.IsSuspended)
            throw new NotFoundException("coach_not_found", "There is no such coach.");
        await db.EnsureCanSendAsync(request.CoacheeId, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Conversations.SingleOrDefaultAsync(c => c.CoacheeId == request.CoacheeId && c.CoachId == request.CoachId, ct);
        if (existing is not null) return await ContinueAsync(existing, text, now, ct);

        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(), CoacheeId = request.CoacheeId, CoachId = request.CoachId,
            StartedAt = now, LastMessageAt = now, LastSeq = 1, CoacheeReadSeq = 1,
        };
        var message = new Message { Id = Guid.CreateVersion7(), ConversationId = conversation.Id, Seq = 1, SenderId = request.CoacheeId, Text = text, SentAt = now };
        db.Conversations.Add(conversation);
        db.Messages.Add(message);
        db.Enqueue(new TrackEvent(request.CoacheeId, AnalyticsEvents.ConversationStarted, new Dictionary<string, string>()), time.GetUtcNow());

        // The release: Matching commits the coach's access grant in its own handler, before this conversation
        // exists for the coach. If saving fails, the grant is withdrawn again.
        await mediator.Publish(new ConversationStarted(conversation.Id, conversation.CoacheeId, conversation.CoachId, now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, conversation.Id, ex.GetType().Name);
            await mediator.Publish(new ConversationClosed(conversation.Id, conversation.CoacheeId, conversation.CoachId, time.GetUtcNow().UtcDateTime), CancellationToken.None);
            if (ex is DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // Two starts at once: the other one won; continue its conversation.
                var winner = await db.Conversations.SingleOrDefaultAsync(c => c.CoacheeId == request.CoacheeId && c.CoachId == request.CoachId, CancellationToken.None);
                if (winner is not null) return await ContinueAsync(winner, text, now, ct);
            }
            throw;
        }
        await bus.PublishAsync(new ChatEvent(ChatEventKind.Message, conversation.Id, 1, conversation.CoacheeId, conversation.CoachId)
        {
            ActorId = request.CoacheeId,
            Message = new ChatMessage(message.Id, message.Seq, message.SenderId, message.Text, message.SentAt),
        }, CancellationToken.None);
        var names = await mediator.NamesAsync([request.CoacheeId], ct);
        return new StartConversationResult(conversation.Id, true, message.ToDto(request.CoacheeId, conversation, names));
    }

    private async Task<StartConversationResult> ContinueAsync(Conversation existing, string text, DateTime now, CancellationToken ct)
    {
        if (existing.IsBlocked) existing.EnsureOpen();
        // A closed conversation stays closed (Matching keeps one grant per conversation; it ended with the close).
        if (existing.IsClosed)
            throw new ConflictException("conversation_closed", "You closed your conversation with this coach. Its history stays in Messages, but it cannot be reopened.");
        var message = await mediator.Send(new SendMessage(existing.Id, existing.CoacheeId, text), ct);
        return new StartConversationResult(existing.Id, false, message);
    }

    [LoggerMessage(LogLevel.Warning, "Starting conversation {ConversationId} failed ({Error}); the access grant was withdrawn")]
    private static partial void LogStartFailed(ILogger logger, Guid conversationId, string error);
}

internal static class StartConversationEndpoint
{
    internal sealed record Body(Guid CoachId, string? Text);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/conversations", async Task<Results<Created<StartConversationResult>, Ok<StartConversationResult>>> (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new StartConversation(user.GetUserId(), body.CoachId, body.Text), ct);
                return result.Created
                    ? TypedResults.Created($"/api/messaging/conversations/{result.ConversationId}", result)
                    : TypedResults.Ok(result);
            })
            .RequireAuthorization(Policies.Coachee)
            .RequireRateLimiting(RateLimitPolicies.Messages)
            .WithName("StartConversation")
            .WithSummary("A coachee writes a first message to a coach (201); with an existing conversation the message is added to it (200).");
}
