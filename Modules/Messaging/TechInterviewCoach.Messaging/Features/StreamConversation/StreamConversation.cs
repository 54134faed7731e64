using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TechInterviewCoach.Messaging.Features;

/// <summary>
/// Server-Sent Events. A conversation's stream sends "message" events (id = the message's sequence number),
/// "read" events (the other party read up to a number), "state" events (closed/blocked) and "ping" keep-alives.
/// It starts after Last-Event-ID (a reconnect) or ?after= (the page's last rendered message), reads from the
/// database first, then waits for wake-ups; each wake-up reads what is newer than the last sent number, so a
/// reconnect neither loses nor repeats a message.
/// </summary>
internal static class StreamConversationEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/conversations/{id:guid}/stream", async (Guid id, long? after, HttpContext http, ClaimsPrincipal user,
                IServiceScopeFactory scopes, ChatHub hub, IOptions<MessagingOptions> options, IHostApplicationLifetime lifetime, CancellationToken requestAborted) =>
            {
                var ct = EventStreams.Open(http, lifetime, requestAborted);
                var me = user.GetUserId();
                var from = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                    ? last : Math.Max(0, after ?? 0);
                // Subscribed before the first read, so nothing committed after that read can be missed; that read is
                // also the access check. Access, names and the first messages are read once, in a scope of their own:
                // an open stream holds no DbContext (and no request-scoped service) between its reads.
                var subscription = hub.Subscribe(me, id);
                http.Response.RegisterForDispose(subscription);
                Conversation? conversation;
                List<Message> first;
                IReadOnlyDictionary<Guid, Identity.Contracts.UserSummary> names;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    (conversation, first) = await ReadAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), id, from, ct);
                    if (conversation is null || !conversation.IsParticipant(me))
                        throw new NotFoundException("conversation_not_found", "There is no such conversation.");
                    names = await scope.ServiceProvider.GetRequiredService<IMediator>().NamesAsync([conversation.CoacheeId, conversation.CoachId], ct);
                }
                return TypedResults.ServerSentEvents(ConversationEvents(scopes, subscription, options.Value, (conversation, first), me, from, names, ct));
            })
            .RequireAuthorization(Policies.Member)
            .WithName("ConversationStream")
            .WithSummary("Live events of one conversation (text/event-stream); honours Last-Event-ID.");

    /// <summary>The conversation's row and the next messages after <paramref name="after"/>.</summary>
    private static async Task<(Conversation? Conversation, List<Message> Batch)> ReadAsync(MessagingDbContext db, Guid conversationId, long after, CancellationToken ct) =>
        (await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct),
            await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.Seq > after).OrderBy(m => m.Seq).Take(200).ToListAsync(ct));

    /// <summary><see cref="ReadAsync(MessagingDbContext, Guid, long, CancellationToken)"/> in a short scope of its own.</summary>
    private static async Task<(Conversation? Conversation, List<Message> Batch)> ReadAsync(IServiceScopeFactory scopes, Guid conversationId, long after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), conversationId, after, ct);
    }

    private static async IAsyncEnumerable<SseItem<string>> ConversationEvents(
        IServiceScopeFactory scopes, Subscription subscription, MessagingOptions options, (Conversation? Conversation, List<Message> Batch)? firstRead,
        Guid me, long after, IReadOnlyDictionary<Guid, Identity.Contracts.UserSummary> names, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = firstRead!.Value.Conversation!;
        var other = start.OtherParty(me);
        long sentOtherRead = -1;
        bool sentClosed = false, sentBlocked = false, sentAnyState = false;
        // Start from the database (the endpoint's first read); afterwards events that carry the next message are sent
        // as they come, and anything else (a gap, a state change, a full mailbox, the catch-up round finding this
        // stream behind) reads from the database again. A keep-alive is only a ping: lost events are found by the
        // instance's catch-up round (ChatCatchUp).
        var lookAgain = true;
        while (!ct.IsCancellationRequested && !subscription.Ended)
        {
            if (lookAgain)
            {
                var read = firstRead ?? await EventStreams.Quietly(() => ReadAsync(scopes, start.Id, after, ct), ct);
                firstRead = null;
                if (read.Conversation is not { } conversation || read.Batch is not { } batch) yield break;
                var otherRead = conversation.ReadSeqOf(other);
                foreach (var m in batch)
                {
                    yield return MessageItem(new ChatMessage(m.Id, m.Seq, m.SenderId, m.Text, m.SentAt), start.Id, me, otherRead, names, options);
                    after = m.Seq;
                }
                if (batch.Count == 200) continue;
                lookAgain = false;
                if (sentOtherRead != otherRead)
                {
                    sentOtherRead = otherRead;
                    yield return ReadItem(otherRead);
                }
                if (!sentAnyState || sentClosed != conversation.IsClosed || sentBlocked != conversation.IsBlocked)
                {
                    (sentAnyState, sentClosed, sentBlocked) = (true, conversation.IsClosed, conversation.IsBlocked);
                    var state = JsonSerializer.Serialize(new { closed = sentClosed, blocked = sentBlocked }, Json);
                    yield return new SseItem<string>(state, "state") { ReconnectionInterval = options.StreamRetry };
                }
                subscription.Sent(after, sentOtherRead, sentClosed, sentBlocked);
            }

            var e = await subscription.NextAsync(ct);
            if (e is null) yield break; // ended, or the client went away
            if (subscription.TakeResync()) { lookAgain = true; continue; }
            switch (e.Kind)
            {
                case ChatEventKind.KeepAlive:
                    yield return new SseItem<string>("{}", "ping");
                    break;
                case ChatEventKind.Message when e.Message is { } m:
                    if (m.Seq <= after) break; // sent already
                    if (m.Seq != after + 1) { lookAgain = true; break; } // one is missing: the database has it
                    yield return MessageItem(m, start.Id, me, sentOtherRead, names, options);
                    after = m.Seq;
                    // Writing is reading: the sender has read everything up to their own message.
                    if (m.SenderId == other && sentOtherRead < m.Seq)
                    {
                        sentOtherRead = m.Seq;
                        yield return ReadItem(m.Seq);
                    }
                    subscription.Sent(after, sentOtherRead, sentClosed, sentBlocked);
                    break;
                case ChatEventKind.Read when e.ActorId != Guid.Empty:
                    if (e.ActorId == other && e.Seq > sentOtherRead)
                    {
                        sentOtherRead = e.Seq;
                        yield return ReadItem(e.Seq);
                        subscription.Sent(after, sentOtherRead, sentClosed, sentBlocked);
                    }
                    break;
                default:
                    lookAgain = true;
                    break;
            }
        }
    }

    private static SseItem<string> MessageItem(ChatMessage m, Guid conversationId, Guid me, long otherRead,
        IReadOnlyDictionary<Guid, Identity.Contracts.UserSummary> names, MessagingOptions options)
    {
        var dto = new MessageDto(m.Id, conversationId, m.Seq, m.SenderId, names.NameOf(m.SenderId), m.SenderId == me, m.Text, m.SentAt,
            m.SenderId == me && m.Seq <= otherRead);
        return new SseItem<string>(JsonSerializer.Serialize(dto, Json), "message")
        {
            EventId = m.Seq.ToString(CultureInfo.InvariantCulture),
            ReconnectionInterval = options.StreamRetry,
        };
    }

    private static SseItem<string> ReadItem(long seq) => new(JsonSerializer.Serialize(new { seq }, Json), "read");
}
