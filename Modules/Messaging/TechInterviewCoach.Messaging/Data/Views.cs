namespace TechInterviewCoach.Messaging.Data;

/// <summary>People's names, from Identity (a deleted or unknown person is "Deleted user").</summary>
internal static class Names
{
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
