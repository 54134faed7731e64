using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TechInterviewCoach.Messaging.Live;

/// <summary>What changed, never what was said: ids and sequence numbers only.</summary>
internal enum ChatEventKind { Message = 0, Read = 1, State = 2, EndUser = 3 }

/// <param name="CoacheeId">For EndUser: the person whose streams end.</param>
internal sealed record ChatEvent(ChatEventKind Kind, Guid ConversationId, long Seq, Guid CoacheeId, Guid CoachId)
{
    public static ChatEvent EndUser(Guid userId) => new(ChatEventKind.EndUser, Guid.Empty, 0, userId, Guid.Empty);

    public string ToPayload() => $"{(int)Kind}|{ConversationId:N}|{Seq}|{CoacheeId:N}|{CoachId:N}";

    public static ChatEvent? Parse(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 5 || !int.TryParse(parts[0], out var kind) || !Guid.TryParse(parts[1], out var conversation)
            || !long.TryParse(parts[2], out var seq) || !Guid.TryParse(parts[3], out var coachee) || !Guid.TryParse(parts[4], out var coach)) return null;
        return new ChatEvent((ChatEventKind)kind, conversation, seq, coachee, coach);
    }
}

/// <summary>
/// One open stream's mailbox. A wake-up only says "look again": the stream reads from the database what is
/// newer than what it already sent, so a dropped or repeated wake-up never loses or duplicates a message.
/// </summary>
internal sealed class Subscription : IDisposable
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ChatHub _hub;
    private readonly CancellationTokenSource _ended = new();

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

    public void Wake() => _wake.Writer.TryWrite(true);
    public void End() { try { _ended.Cancel(); } catch (ObjectDisposedException) { } }

    /// <summary>True when woken; false when the timeout passed (time for a keep-alive), the stream was ended or the caller cancelled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        cts.CancelAfter(timeout);
        try { await _wake.Reader.ReadAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
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

    public void WakeAll()
    {
        foreach (var set in _byUser.Values)
            foreach (var s in set.Keys) s.Wake();
    }

    /// <summary>Wakes every stream of the conversation, and the person-wide streams of both participants.</summary>
    public void Deliver(ChatEvent e)
    {
        if (e.Kind == ChatEventKind.EndUser)
        {
            if (_byUser.TryGetValue(e.CoacheeId, out var ending))
                foreach (var s in ending.Keys) s.End();
            return;
        }
        if (_byConversation.TryGetValue(e.ConversationId, out var set))
            foreach (var s in set.Keys) s.Wake();
        // Person-wide streams (the nav badge) subscribe with no conversation: wake them for any of their events.
        foreach (var user in new[] { e.CoacheeId, e.CoachId })
            if (_byUser.TryGetValue(user, out var mine))
                foreach (var s in mine.Keys.Where(s => s.ConversationId is null)) s.Wake();
    }
}
