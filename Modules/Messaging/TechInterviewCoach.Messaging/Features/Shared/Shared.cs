using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Messaging.Data;

namespace TechInterviewCoach.Messaging.Features.Shared;

internal sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long a coach may take to answer a new conversation before it counts as overdue in their responsiveness.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan ReplyPromise { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A message unread this long after it arrived earns the recipient one email.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan UnreadEmailAfter { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>At most one unread email per conversation and recipient within this window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")] public TimeSpan UnreadEmailMinInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How often the background service looks for unread messages to email and overdue conversations.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")] public TimeSpan BackgroundInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Turn the background service off (tests drive it by hand).</summary>
    public bool BackgroundEnabled { get; set; } = true;
    /// <summary>How often an idle stream sends a keep-alive event (proxies close silent connections).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>What the browser waits before reconnecting a dropped stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")] public TimeSpan StreamRetry { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Message text rules: trimmed, 1–4,000 characters, not only control or invisible characters.</summary>
internal static class MessageText
{
    public const int MaxLength = 4000;

    public static string Normalize(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.All(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
            throw new InputException("message_invalid", "text", "Write a message first: it cannot be empty.");
        if (trimmed.Length > MaxLength)
            throw new InputException("message_invalid", "text", $"A message can be at most {MaxLength:N0} characters long (this one has {trimmed.Length:N0}).");
        // Keep line breaks and tabs, drop other control characters.
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            trimmed = new string(trimmed.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());
        return trimmed;
    }
}

internal static class ConversationAccess
{
    /// <summary>The conversation, tracked; 404 for anyone who is not one of the two participants.</summary>
    public static async Task<Conversation> ForParticipantAsync(this MessagingDbContext db, Guid conversationId, Guid userId, CancellationToken ct, bool tracked = true)
    {
        var query = tracked ? db.Conversations : db.Conversations.AsNoTracking();
        var conversation = await query.SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || !conversation.IsParticipant(userId))
            throw new NotFoundException("conversation_not_found", "There is no such conversation.");
        return conversation;
    }

    /// <summary>
    /// Like <see cref="ForParticipantAsync"/>, inside the caller's transaction, holding the conversation's row lock on
    /// PostgreSQL (FOR UPDATE) so concurrent senders in one conversation take their numbers one after the other
    /// instead of colliding. SQLite has one writer at a time anyway.
    /// </summary>
    public static async Task<Conversation> ForParticipantLockedAsync(this MessagingDbContext db, Guid conversationId, Guid userId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return await db.ForParticipantAsync(conversationId, userId, ct);
        // The table name comes from the module's naming, not from input; the id is a parameter.
        var sql = "SELECT * FROM " + db.TableNames.Qualified("conversations") + " WHERE id = {0} FOR UPDATE";
        var conversation = await db.Conversations.FromSqlRaw(sql, conversationId).SingleOrDefaultAsync(ct);
        if (conversation is null || !conversation.IsParticipant(userId))
            throw new NotFoundException("conversation_not_found", "There is no such conversation.");
        return conversation;
    }

    public static async Task EnsureCanSendAsync(this MessagingDbContext db, Guid senderId, CancellationToken ct)
    {
        if (await db.SuspendedSenders.AnyAsync(s => s.UserId == senderId, ct))
            throw new ForbiddenException("sender_suspended", "Your account is suspended, so you cannot send messages. Contact support if you think this is a mistake.");
    }

    public static void EnsureOpen(this Conversation c)
    {
        if (c.IsBlocked)
            throw new ForbiddenException("conversation_blocked", "This conversation is blocked: no new messages can be sent by either side.");
        if (c.IsClosed)
            throw new ConflictException("conversation_closed", "This conversation is closed: its history stays, but no new messages can be sent.");
    }

    public static async Task<IReadOnlyDictionary<Guid, UserSummary>> NamesAsync(this IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct) =>
        await mediator.Send(new GetUserSummaries(ids.Distinct().ToList()), ct);

    public static string NameOf(this IReadOnlyDictionary<Guid, UserSummary> names, Guid id) =>
        names.TryGetValue(id, out var s) ? s.DisplayName : "Deleted user";
}

/// <summary>A message as a reader sees it. <see cref="Read"/>: for the reader's own messages, whether the other side has read it.</summary>
internal sealed record MessageDto(Guid Id, Guid ConversationId, long Seq, Guid SenderId, string SenderName, bool Mine, string Text, DateTime SentAt, bool Read);

internal sealed record ConversationDto(
    Guid Id, Guid CoacheeId, Guid CoachId, Guid OtherPartyId, string OtherPartyName, string MyRole,
    DateTime StartedAt, DateTime LastMessageAt, long LastSeq, int Unread, long MyReadSeq, long OtherReadSeq,
    bool Closed, bool Blocked, bool BlockedByMe);

internal static class Mapping
{
    public static MessageDto ToDto(this Message m, Guid reader, Conversation c, IReadOnlyDictionary<Guid, UserSummary> names) =>
        m.ToDto(reader, c, names.NameOf(m.SenderId));

    public static MessageDto ToDto(this Message m, Guid reader, Conversation c, string senderName) =>
        new(m.Id, m.ConversationId, m.Seq, m.SenderId, senderName, m.SenderId == reader, m.Text, m.SentAt,
            m.SenderId == reader && m.Seq <= c.ReadSeqOf(c.OtherParty(reader)));

    public static ConversationDto ToDto(this Conversation c, Guid reader, IReadOnlyDictionary<Guid, UserSummary> names, int unread) =>
        new(c.Id, c.CoacheeId, c.CoachId, c.OtherParty(reader), names.NameOf(c.OtherParty(reader)), reader == c.CoacheeId ? "coachee" : "coach",
            c.StartedAt, c.LastMessageAt, c.LastSeq, unread, c.ReadSeqOf(reader), c.ReadSeqOf(c.OtherParty(reader)),
            c.IsClosed, c.IsBlocked, c.BlockedBy == reader);
}
