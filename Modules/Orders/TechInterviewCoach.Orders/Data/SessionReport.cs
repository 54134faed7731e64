using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Data;

internal enum SessionProblem { CoachNoShow = 0, CoacheeNoShow = 1, Other = 2 }

/// <summary>How an admin settled a report: the session's share is refunded, or the session stands as held (no refund).</summary>
internal enum ReportDecision { Refund = 1, NoRefund = 2 }

/// <summary>
/// A problem with one session, reported by its coach or coachee between its start and 48 hours after its end (one per
/// session). While it is open the session does not complete; the other party may answer once; an admin settles it.
/// </summary>
internal sealed class SessionReport
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; }
    public Guid BookingId { get; set; }
    public Guid OrderId { get; set; }
    public Guid CoachId { get; set; }
    public Guid CoacheeId { get; set; }
    public Guid ReporterId { get; set; }
    public SessionProblem Problem { get; set; }
    public string Description { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public ReportDecision? Decision { get; set; }
    public string? DecisionNote { get; set; }
    public Guid? SettledBy { get; set; }
    public DateTime? SettledAt { get; set; }
    /// <summary>The refund a Refund decision asked for (its Stripe idempotency key is derived from it).</summary>
    public Guid? RefundId { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => Decision is null;
    public bool ByCoach => ReporterId == CoachId;

    public static string Label(SessionProblem p) => p switch
    {
        SessionProblem.CoachNoShow => "The coach did not attend",
        SessionProblem.CoacheeNoShow => "The coachee did not attend",
        _ => "Another problem",
    };

    public static void Map(ModelBuilder modelBuilder, DbNames names) => modelBuilder.Entity<SessionReport>(e =>
    {
        e.ToTable(names.Table("session_reports"), names.Schema);
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.Description).HasMaxLength(MaxTextLength);
        e.Property(r => r.Answer).HasMaxLength(MaxTextLength);
        e.Property(r => r.DecisionNote).HasMaxLength(500);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Booking>().WithMany().HasForeignKey(r => r.BookingId).HasConstraintName($"fk_{names.Table("session_reports")}_session");
        e.HasIndex(r => r.BookingId).IsUnique().HasDatabaseName(names.Index("session_reports_session"));
        e.HasIndex(r => new { r.OrderId, r.CreatedAt }).HasDatabaseName(names.Index("session_reports_order"));
        e.HasIndex(r => new { r.SettledAt, r.CreatedAt }).HasDatabaseName(names.Index("session_reports_open"));
    });
}
