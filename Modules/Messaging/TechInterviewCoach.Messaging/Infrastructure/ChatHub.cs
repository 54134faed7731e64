using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TechInterviewCoach.Messaging.Infrastructure;

/// <summary>What changed: ids and sequence numbers.</summary>
internal enum ChatEventKind { Message = 0, Read = 1, State = 2, EndUser = 3 }

/// <summary>A message as a live stream needs it, carried in-process so local streams need not read it back.</summary>
internal sealed record ChatMessage(Guid Id, long Seq, Guid SenderId, string Text, DateTime SentAt);

/// <param name="Seq">For Message: the message's number; for Read: how far <see cref="ActorId"/> has read.</param>
/// <param name="CoacheeId">For EndUser: the person whose streams end.</param>
internal sealed record ChatEvent(ChatEventKind Kind, Guid ConversationId, long Seq, Guid CoacheeId, Guid CoachId)
{
    /// <summary>Who acted: the sender of a message, the reader of a read receipt.</summary>
    public Guid ActorId { get; init; }

    /// <summary>The message itself, for Message events. In-process only: never in a NOTIFY payload, never logged.</summary>
    public ChatMessage? Message { get; init; }

    public static ChatEvent EndUser(Guid userId) => new(ChatEventKind.EndUser, Guid.Empty, 0, userId, Guid.Empty);

    /// <summary>The NOTIFY payload: ids and numbers only, and the instance that already delivered it locally.</summary>
    public string ToPayload(Guid origin) =>
        $"{(int)Kind}|{ConversationId:N}|{Seq}|{CoacheeId:N}|{CoachId:N}|{ActorId:N}|{Message?.Id ?? Guid.Empty:N}|{origin:N}";

    /// <summary>Parses a NOTIFY payload into the event, the message id (empty when none) and the origin instance.</summary>
    public static (ChatEvent Event, Guid MessageId, Guid Origin)? Parse(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 8 || !int.TryParse(parts[0], out var kind) || !Guid.TryParse(parts[1], out var conversation)
            || !long.TryParse(parts[2], out var seq) || !Guid.TryParse(parts[3], out var coachee) || !Guid.TryParse(parts[4], out var coach)
            || !Guid.TryParse(parts[5], out var actor) || !Guid.TryParse(parts[6], out var message) || !Guid.TryParse(parts[7], out var origin)) return null;
        return (new ChatEvent((ChatEventKind)kind, conversation, seq, coachee, coach) { ActorId = actor }, message, origin);
    }
}

/// <summary>
/// One open stream's mailbox of events, in the order they happened on this instance. An event that carries its message
/// lets the stream send it at once; anything else (a state change, a gap in the numbers, a full mailbox, a reconnect
/// of the listener) makes the stream look again in the database, from the last number it sent, so nothing is lost or
/// sent twice whatever arrives twice, late or not at all.
/// </summary>
internal sealed class Subscription : IDisposable
{
    private static readonly ChatEvent LookAgain = new(ChatEventKind.State, Guid.Empty, 0, Guid.Empty, Guid.Empty);
    private readonly Channel<ChatEvent> _events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });
    private readonly ChatHub _hub;
    private readonly CancellationTokenSource _ended = new();
    private int _resync;

    public Subscription(ChatHub hub, Guid userId, Guid? conversationId)
    {
        _hub = hub;
        UserId = userId;
        ConversationId = conversationId;
    }

    public Guid UserId { get; }
    public Guid? ConversationId { get; }
    /// <summary>Cancelled when the person's streams must end (account deleted).</summary>
    public CancellationToken Ended => _ended.Token;

    public void Post(ChatEvent e)
    {
        if (!_events.Writer.TryWrite(e)) Volatile.Write(ref _resync, 1);
    }

    /// <summary>"Look again in the database."</summary>
    public void Wake()
    {
        Volatile.Write(ref _resync, 1);
        _events.Writer.TryWrite(LookAgain);
    }

    public void End() { try { _ended.Cancel(); } catch (ObjectDisposedException) { } }

    /// <summary>True once after <see cref="Wake"/> or a dropped event: the stream must read from the database.</summary>
    public bool TakeResync() => Interlocked.Exchange(ref _resync, 0) == 1;

    /// <summary>Discards what is waiting (a stream that recounts from the database needs one wake-up, not one per event).</summary>
    public void Drain()
    {
        while (_events.Reader.TryRead(out _)) { }
        Volatile.Write(ref _resync, 0);
    }

    /// <summary>The next event; null when the timeout passed (time for a keep-alive), the stream was ended or the caller cancelled.</summary>
    public async ValueTask<ChatEvent?> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_events.Reader.TryRead(out var ready)) return ready;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        cts.CancelAfter(timeout);
        try { return await _events.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
    }

    public void Dispose()
    {
        _hub.Remove(this);
        _ended.Dispose();
    }
}

/// <summary>The open streams of this process, by conversation and by person.</summary>
internal sealed class ChatHub
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byConversation = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byUser = new();

    /// <summary>This process, so it can skip its own NOTIFYs (it delivered them already).</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public int OpenStreams => _byUser.Values.Sum(s => s.Count);

    public Subscription Subscribe(Guid userId, Guid? conversationId)
    {
        var subscription = new Subscription(this, userId, conversationId);
        if (conversationId is { } c) _byConversation.GetOrAdd(c, _ => new()).TryAdd(subscription, 0);
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    internal void Remove(Subscription subscription)
    {
        if (subscription.ConversationId is { } c && _byConversation.TryGetValue(c, out var set))
        {
            set.TryRemove(subscription, out _);
            if (set.IsEmpty) _byConversation.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Subscription, byte>>(c, set));
        }
        if (_byUser.TryGetValue(subscription.UserId, out var mine))
        {
            mine.TryRemove(subscription, out _);
            if (mine.IsEmpty) _byUser.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Subscription, byte>>(subscription.UserId, mine));
        }
    }

    /// <summary>Whether a stream on this instance would want the event (so another instance's message is worth reading).</summary>
    public bool Wants(ChatEvent e) =>
        e.Kind == ChatEventKind.EndUser ? _byUser.ContainsKey(e.CoacheeId)
        : _byConversation.ContainsKey(e.ConversationId) || _byUser.ContainsKey(e.CoacheeId) || _byUser.ContainsKey(e.CoachId);

    public void WakeAll()
    {
        foreach (var set in _byUser.Values)
            foreach (var s in set.Keys) s.Wake();
    }

    /// <summary>Gives the event to every stream of the conversation, and wakes the person-wide streams of both participants.</summary>
    public void Deliver(ChatEvent e)
    {
        if (e.Kind == ChatEventKind.EndUser)
        {
            if (_byUser.TryGetValue(e.CoacheeId, out var ending))
                foreach (var s in ending.Keys) s.End();
            return;
        }
        if (_byConversation.TryGetValue(e.ConversationId, out var set))
            foreach (var s in set.Keys) s.Post(e);
        // Person-wide streams (the nav badge) subscribe with no conversation: they recount on any of their events.
        WakePersonStreams(e.CoacheeId);
        WakePersonStreams(e.CoachId);
    }

    private void WakePersonStreams(Guid userId)
    {
        if (!_byUser.TryGetValue(userId, out var mine)) return;
        foreach (var s in mine.Keys)
            if (s.ConversationId is null) s.Wake();
    }
}
