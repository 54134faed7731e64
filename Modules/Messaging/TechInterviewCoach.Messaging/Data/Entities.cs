namespace TechInterviewCoach.Messaging.Data;

/// <summary>
/// One conversation per (coachee, coach). <see cref="LastSeq"/> numbers the messages 1, 2, 3… within the
/// conversation; it is a concurrency token, so two senders never get the same number and a message with a
/// lower number is always committed before one with a higher number (catch-up by number never skips one).
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; set; }
    public Guid CoacheeId { get; set; }
    public Guid CoachId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public long LastSeq { get; set; }
    public long CoacheeReadSeq { get; set; }
    public long CoachReadSeq { get; set; }
    public DateTime? CoacheeNotifiedAt { get; set; }
    public DateTime? CoachNotifiedAt { get; set; }
    /// <summary>When the coach first answered (null while waiting).</summary>
    public DateTime? FirstReplyAt { get; set; }
    /// <summary>When the overdue wait (no first reply past the promise) was reported in the coach's responsiveness.</summary>
    public DateTime? OverdueReportedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? BlockedBy { get; set; }
    public DateTime? BlockedAt { get; set; }

    public bool IsParticipant(Guid userId) => userId == CoacheeId || userId == CoachId;
    public Guid OtherParty(Guid userId) => userId == CoacheeId ? CoachId : CoacheeId;
    public long ReadSeqOf(Guid userId) => userId == CoacheeId ? CoacheeReadSeq : CoachReadSeq;
    public bool IsClosed => ClosedAt is not null;
    public bool IsBlocked => BlockedBy is not null;
}

internal sealed class Message
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public long Seq { get; set; }
    public Guid SenderId { get; set; }
    public string Text { get; set; } = "";
    public DateTime SentAt { get; set; }
}

internal sealed class MessageReport
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ReporterId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A suspended person (from Identity's UserSuspensionChanged): they cannot send.</summary>
internal sealed class SuspendedSender
{
    public Guid UserId { get; set; }
    public DateTime Since { get; set; }
}
