namespace TechInterviewCoach.Matching.Data;

/// <summary>A coachee's unfinished quiz (one per person). Answers as JSON; never logged, never sent elsewhere.</summary>
internal sealed class QuizDraft
{
    public Guid UserId { get; set; }
    public int QuizVersion { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A submitted quiz. The latest one counts for matching; earlier ones stay for the person's export.</summary>
internal sealed class QuizSubmission
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public int QuizVersion { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public DateTime SubmittedAt { get; set; }
}

/// <summary>Metadata of a coachee's CV; the bytes are a Data Protection-encrypted file named by <see cref="StorageId"/>.</summary>
internal sealed class CvFile
{
    public Guid UserId { get; set; }
    public string StorageId { get; set; } = "";
    /// <summary>The uploaded name, sanitised; metadata only (never used as a path).</summary>
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal sealed class CoachProfile
{
    public Guid CoachId { get; set; }
    public string Headline { get; set; } = "";
    public string Bio { get; set; } = "";
    public int YearsOfExperience { get; set; }
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Companies, roles, interview types, people coached per type, languages and weekly windows (<see cref="Domain.CoachDetails"/>).</summary>
    public string DetailsJson { get; set; } = "{}";
    /// <summary>The coach wants the profile shown.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Derived: published, at least one published listing, payouts enabled, not suspended or deleted.</summary>
    public bool IsListed { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A coach's photo: re-encoded WebP bytes in the <see cref="PhotoStore"/> under <see cref="StorageId"/>, and what it is.</summary>
internal sealed class CoachPhoto
{
    public const string Uploaded = "upload", LinkedIn = "linkedin";

    public Guid CoachId { get; set; }
    public string StorageId { get; set; } = "";
    /// <summary><see cref="Uploaded"/> by the coach, or copied from <see cref="LinkedIn"/> when the coach chose to use their LinkedIn photo.</summary>
    public string Source { get; set; } = Uploaded;
    /// <summary>The content's fingerprint (<see cref="Domain.EncodedPhoto.Version"/>): ETag and URL version.</summary>
    public string Version { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>What other modules tell Matching about a coach: payouts and reviews (Orders), suspension and deletion (Identity), responsiveness (Messaging).</summary>
internal sealed class CoachStatus
{
    public Guid CoachId { get; set; }
    public bool PayoutsEnabled { get; set; }
    public bool IsSuspended { get; set; }
    public bool IsDeleted { get; set; }
    public double? MedianFirstReplyMinutes { get; set; }
    public int AnsweredConversations { get; set; }
    public int OverdueConversations { get; set; }
    /// <summary>Orders' figures for the coach's visible reviews (<see cref="Orders.Contracts.CoachRatingChanged"/>), and when they were true.</summary>
    public double RatingAverage { get; set; }
    public int RatingCount { get; set; }
    public DateTime? RatingAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class Listing
{
    public Guid Id { get; set; }
    public Guid CoachId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public Contracts.ListingKind Kind { get; set; }
    public int Sessions { get; set; }
    public int SessionMinutes { get; set; }
    public long PriceMinor { get; set; }
    public string Currency { get; set; } = "USD";
    /// <summary>A package's sessions are booked within this many days of paying.</summary>
    public int ValidityDays { get; set; } = Listings.DefaultValidityDays;
    /// <summary>The coach's own https meeting link; null: the platform makes a room for each session.</summary>
    public string? MeetingUrl { get; set; }
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public long PricePerSessionMinor => Sessions <= 1 ? PriceMinor : PriceMinor / Sessions;
}

/// <summary>The release rule: while a grant is active (not ended) the coach may see the coachee's quiz and CV.</summary>
internal sealed class AccessGrant
{
    public Guid Id { get; set; }
    public Guid CoacheeId { get; set; }
    public Guid CoachId { get; set; }
    public Guid ConversationId { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

/// <summary>One view or download of a coachee's quiz or CV by a coach; the coachee sees these.</summary>
internal sealed class AccessLogEntry
{
    public Guid Id { get; set; }
    public Guid CoachId { get; set; }
    public Guid CoacheeId { get; set; }
    /// <summary>"quiz" or "cv".</summary>
    public string What { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A counter bumped in the same transaction as any change to listed coaches, so every instance knows when to rebuild its match snapshot.</summary>
internal sealed class MatchingCounter
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}

/// <summary>
/// The change log of listed coaches (decision 0023): one row per coach changed at a version of the counter, written in the
/// same transaction as the change. Every instance reads the rows after its snapshot's version and updates those coaches.
/// </summary>
internal sealed class SnapshotChange
{
    public long Version { get; set; }
    public Guid CoachId { get; set; }
    public DateTime ChangedAt { get; set; }
}
