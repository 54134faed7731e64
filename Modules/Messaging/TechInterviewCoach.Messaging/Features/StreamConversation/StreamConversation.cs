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
                MessagingDbContext db, IMediator mediator, ChatHub hub, IOptions<MessagingOptions> options, IHostApplicationLifetime lifetime, CancellationToken requestAborted) =>
            {
                var ct = EventStreams.Open(http, lifetime, requestAborted);
                var me = user.GetUserId();
                var conversation = await db.ForParticipantAsync(id, me, ct, tracked: false);
                var from = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                    ? last : Math.Max(0, after ?? 0);
                var names = await mediator.NamesAsync([conversation.CoacheeId, conversation.CoachId], ct);
                return TypedResults.ServerSentEvents(ConversationEvents(db, hub, options.Value, conversation, me, from, names, ct));
            })
            .RequireAuthorization(Policies.Member)
            .WithName("ConversationStream")
            .WithSummary("Live events of one conversation (text/event-stream); honours Last-Event-ID.");

    private static async IAsyncEnumerable<SseItem<string>> ConversationEvents(
        MessagingDbContext db, ChatHub hub, MessagingOptions options, Conversation start, Guid me, long after,
        IReadOnlyDictionary<Guid, Identity.Contracts.UserSummary> names, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = hub.Subscribe(me, start.Id);
        var other = start.OtherParty(me);
        long sentOtherRead = -1;
        string? sentState = null;
        // Start from the database; afterwards events that carry the next message are sent as they come, and anything
        // else (a gap, a state change, a keep-alive, a full mailbox) reads from the database again. The subscription
        // exists before the first read, so nothing committed after that read can be missed.
        var lookAgain = true;
        while (!ct.IsCancellationRequested && !subscription.Ended.IsCancellationRequested)
        {
            if (lookAgain)
            {
                var read = await EventStreams.Quietly(async () => (
                    await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == start.Id, ct),
                    await db.Messages.AsNoTracking().Where(m => m.ConversationId == start.Id && m.Seq > after).OrderBy(m => m.Seq).Take(200).ToListAsync(ct)), ct);
                if (read.Item1 is not { } conversation || read.Item2 is not { } batch) yield break;
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
                var state = JsonSerializer.Serialize(new { closed = conversation.IsClosed, blocked = conversation.IsBlocked }, Json);
                if (sentState != state)
                {
                    sentState = state;
                    yield return new SseItem<string>(state, "state") { ReconnectionInterval = options.StreamRetry };
                }
            }

            var e = await subscription.NextAsync(options.StreamKeepAlive, ct);
            if (e is null)
            {
                if (subscription.Ended.IsCancellationRequested || ct.IsCancellationRequested) yield break;
                yield return new SseItem<string>("{}", "ping");
                lookAgain = true; // a keep-alive also catches up with anything another instance failed to announce
                continue;
            }
            if (subscription.TakeResync()) { lookAgain = true; continue; }
            switch (e.Kind)
            {
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
                    break;
                case ChatEventKind.Read when e.ActorId != Guid.Empty:
                    if (e.ActorId == other && e.Seq > sentOtherRead)
                    {
                        sentOtherRead = e.Seq;
                        yield return ReadItem(e.Seq);
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
