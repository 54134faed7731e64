using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TechInterviewCoach.Messaging.Infrastructure;

/// <summary>What changed: ids and sequence numbers.</summary>
internal enum ChatEventKind { Message = 0, Read = 1, State = 2, EndUser = 3, KeepAlive = 4 }

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
/// of the listener, the catch-up round finding it behind) makes the stream look again in the database, from the last
/// number it sent, so nothing is lost or sent twice whatever arrives twice, late or not at all.
/// Kept small (10,000 are open at once on an instance): no timer, token source or linked token per stream; the hub's
/// one heartbeat posts the keep-alives.
/// </summary>
internal sealed class Subscription : IDisposable
{
    private static readonly ChatEvent LookAgain = new(ChatEventKind.State, Guid.Empty, 0, Guid.Empty, Guid.Empty);
    internal static readonly ChatEvent KeepAliveEvent = new(ChatEventKind.KeepAlive, Guid.Empty, 0, Guid.Empty, Guid.Empty);
    private readonly Channel<ChatEvent> _events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });
    private readonly ChatHub _hub;
    private int _resync;
    private volatile bool _ended;
    private long _sentSeq = -1;
    private long _sentOtherRead = -1;
    private int _sentState = -1;

    public Subscription(ChatHub hub, Guid userId, Guid? conversationId, long keepAliveDue)
    {
        _hub = hub;
        UserId = userId;
        ConversationId = conversationId;
        KeepAliveDue = keepAliveDue;
    }

    public Guid UserId { get; }
    public Guid? ConversationId { get; }
    /// <summary>When the heartbeat next posts a keep-alive (<see cref="TimeProvider.GetTimestamp"/> units); the hub's timer thread only.</summary>
    internal long KeepAliveDue { get; set; }
    /// <summary>True once the person's streams must end (account deleted).</summary>
    public bool Ended => _ended;

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

    /// <summary>Ends the stream: the waiting read returns null, and so does every later one.</summary>
    public void End()
    {
        _ended = true;
        _events.Writer.TryComplete();
    }

    /// <summary>True once after <see cref="Wake"/> or a dropped event: the stream must read from the database.</summary>
    public bool TakeResync() => Interlocked.Exchange(ref _resync, 0) == 1;

    /// <summary>Discards what is waiting (a stream that recounts from the database needs one wake-up, not one per event).</summary>
    public void Drain()
    {
        while (_events.Reader.TryRead(out _)) { }
        Volatile.Write(ref _resync, 0);
    }

    /// <summary>
    /// What a conversation's stream has sent so far: its last message number, the other party's read mark and the
    /// state. The catch-up round compares them with the conversation's row and wakes the stream when it is behind.
    /// </summary>
    public void Sent(long seq, long otherRead, bool closed, bool blocked)
    {
        Volatile.Write(ref _sentSeq, seq);
        Volatile.Write(ref _sentOtherRead, otherRead);
        Volatile.Write(ref _sentState, (closed ? 1 : 0) | (blocked ? 2 : 0));
    }

    /// <summary>Whether the row shows something this stream has not sent (false before its first read from the database).</summary>
    public bool IsBehind(long lastSeq, long otherRead, bool closed, bool blocked)
    {
        var state = Volatile.Read(ref _sentState);
        if (state < 0) return false;
        return lastSeq > Volatile.Read(ref _sentSeq) || otherRead > Volatile.Read(ref _sentOtherRead)
            || state != ((closed ? 1 : 0) | (blocked ? 2 : 0));
    }

    /// <summary>The next event (<see cref="KeepAliveEvent"/> when a keep-alive is due); null when the stream was ended or the caller cancelled.</summary>
    public async ValueTask<ChatEvent?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_ended && await _events.Reader.WaitToReadAsync(cancellationToken))
                if (!_ended && _events.Reader.TryRead(out var e)) return e;
        }
        catch (OperationCanceledException) { }
        return null;
    }

    public void Dispose() => _hub.Remove(this);
}

/// <summary>
/// The open streams of this process, by conversation and by person, and their one shared heartbeat: a timer that
/// posts each stream its keep-alive when due (every <see cref="MessagingOptions.StreamKeepAlive"/>, spread by the
/// time each stream opened), instead of a timer per waiting stream.
/// </summary>
internal sealed class ChatHub : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byConversation = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byUser = new();
    private readonly TimeProvider _time;
    private readonly long _keepAliveTicks;
    private readonly ITimer _heartbeat;

    public ChatHub(TimeProvider time, IOptions<MessagingOptions> options)
    {
        _time = time;
        var keepAlive = options.Value.StreamKeepAlive;
        _keepAliveTicks = (long)(keepAlive.TotalSeconds * time.TimestampFrequency);
        var beat = TimeSpan.FromTicks(Math.Clamp(keepAlive.Ticks / 10, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond));
        _heartbeat = time.CreateTimer(_ => Beat(), null, beat, beat);
    }

    /// <summary>This process, so it can skip its own NOTIFYs (it delivered them already).</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    public int OpenStreams => _byUser.Values.Sum(s => s.Count);

    public Subscription Subscribe(Guid userId, Guid? conversationId)
    {
        var subscription = new Subscription(this, userId, conversationId, _time.GetTimestamp() + _keepAliveTicks);
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
        foreach (var (_, set) in _byUser)
            foreach (var (s, _) in set) s.Wake();
    }

    /// <summary>The conversations with a stream open here, and those streams (for the catch-up round).</summary>
    public IEnumerable<(Guid ConversationId, IEnumerable<Subscription> Streams)> Conversations() =>
        _byConversation.Select(kv => (kv.Key, kv.Value.Select(s => s.Key)));

    /// <summary>Gives the event to every stream of the conversation, and wakes the person-wide streams of both participants.</summary>
    public void Deliver(ChatEvent e)
    {
        if (e.Kind == ChatEventKind.EndUser)
        {
            if (_byUser.TryGetValue(e.CoacheeId, out var ending))
                foreach (var (s, _) in ending) s.End();
            return;
        }
        if (_byConversation.TryGetValue(e.ConversationId, out var set))
            foreach (var (s, _) in set) s.Post(e);
        // Person-wide streams (the nav badge) subscribe with no conversation: they recount on any of their events.
        WakePersonStreams(e.CoacheeId);
        WakePersonStreams(e.CoachId);
    }

    private void WakePersonStreams(Guid userId)
    {
        if (!_byUser.TryGetValue(userId, out var mine)) return;
        foreach (var (s, _) in mine)
            if (s.ConversationId is null) s.Wake();
    }

    /// <summary>The heartbeat: posts a keep-alive to every stream whose keep-alive is due.</summary>
    private void Beat()
    {
        var now = _time.GetTimestamp();
        foreach (var (_, set) in _byUser)
            foreach (var (s, _) in set)
            {
                if (s.KeepAliveDue > now) continue;
                s.KeepAliveDue = now + _keepAliveTicks;
                s.Post(Subscription.KeepAliveEvent);
            }
    }

    public void Dispose() => _heartbeat.Dispose();
}
