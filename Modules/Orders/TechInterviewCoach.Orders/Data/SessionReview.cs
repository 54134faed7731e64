using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Data;

/// <summary>
/// A coachee's public review of one completed session (one per session: <see cref="BookingId"/> is unique), editable for
/// 14 days, with at most one reply from the coach. An admin may hide it with a reason; a hidden review is neither shown
/// nor counted. <see cref="AuthorName"/> is the short public name ("Casey C."), "Deleted user" once the author deleted their account.
/// </summary>
internal sealed class SessionReview
{
    public const int MaxTextLength = 2000;
    public const string DeletedAuthor = "Deleted user";

    public Guid Id { get; set; }
    public Guid BookingId { get; set; }
    public Guid OrderId { get; set; }
    public Guid CoachId { get; set; }
    public Guid CoacheeId { get; set; }
    public string AuthorName { get; set; } = "";
    public int Rating { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? Reply { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
    public Guid? HiddenBy { get; set; }
    /// <summary>Optimistic concurrency: two edits, or an edit and a hide, never overwrite each other.</summary>
    public Guid Version { get; set; }

    public bool IsVisible => HiddenAt is null;

    /// <summary>First name and the initial of the last word: what a public review shows of its author.</summary>
    public static string ShortName(string? displayName)
    {
        var parts = (displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => "A coachee",
            1 => parts[0],
            _ => $"{parts[0]} {char.ToUpperInvariant(parts[^1][0])}.",
        };
    }

    public static void Map(ModelBuilder modelBuilder, DbNames names) => modelBuilder.Entity<SessionReview>(e =>
    {
        e.ToTable(names.Table("session_reviews"), names.Schema);
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.AuthorName).HasMaxLength(120);
        e.Property(r => r.Text).HasMaxLength(MaxTextLength);
        e.Property(r => r.Reply).HasMaxLength(MaxTextLength);
        e.Property(r => r.HiddenReason).HasMaxLength(500);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<Booking>().WithMany().HasForeignKey(r => r.BookingId).HasConstraintName($"fk_{names.Table("session_reviews")}_session");
        e.HasIndex(r => r.BookingId).IsUnique().HasDatabaseName(names.Index("session_reviews_session"));
        e.HasIndex(r => new { r.CoachId, r.CreatedAt }).HasDatabaseName(names.Index("session_reviews_coach"));
        e.HasIndex(r => r.CoacheeId).HasDatabaseName(names.Index("session_reviews_coachee"));
    });
}
