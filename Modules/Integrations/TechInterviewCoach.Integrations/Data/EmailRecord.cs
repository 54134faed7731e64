namespace TechInterviewCoach.Integrations.Data;

internal enum EmailStatus
{
    /// <summary>Recorded, not sent yet (a send is in progress or will be retried).</summary>
    Queued = 0,
    Sent = 1,
    /// <summary>Resend:ApiKey is not configured: kept, shown on the admin page, never sent.</summary>
    NotSentNoKey = 2,
    /// <summary>The last attempt failed with a retryable error; the outbox tries again.</summary>
    Failed = 3,
    /// <summary>Resend refused it (4xx) or every attempt failed; the outbox dead-lettered it.</summary>
    DeadLettered = 4,
    /// <summary>The recipient is deleted or unknown: nothing to send.</summary>
    SkippedNoRecipient = 5,
}

/// <summary>
/// One transactional email, keyed by the outbox message that asked for it (unique: at-least-once delivery
/// records and sends it once). The recipient's address is not stored: it is looked up when sending.
/// </summary>
internal sealed class EmailRecord
{
    public Guid Id { get; set; }
    public Guid OutboxMessageId { get; set; }
    public string Template { get; set; } = "";
    public Guid? RecipientUserId { get; set; }
    public string Subject { get; set; } = "";
    public EmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? ResendId { get; set; }
    /// <summary>Status code and Resend's error name/message, scrubbed of addresses.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    public bool IsFinished => Status is EmailStatus.Sent or EmailStatus.NotSentNoKey or EmailStatus.SkippedNoRecipient;
}
