namespace TechInterviewCoach.Matching.Data;

internal sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "matching";
    public const string SnapshotCounter = "coaches";
    public override string Module => ModuleName;

    public DbSet<QuizDraft> QuizDrafts => Set<QuizDraft>();
    public DbSet<QuizSubmission> QuizSubmissions => Set<QuizSubmission>();
    public DbSet<CvFile> Cvs => Set<CvFile>();
    public DbSet<CvReading> CvReadings => Set<CvReading>();
    public DbSet<CoachProfile> CoachProfiles => Set<CoachProfile>();
    public DbSet<CoachPhoto> CoachPhotos => Set<CoachPhoto>();
    public DbSet<CoachStatus> CoachStatuses => Set<CoachStatus>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<MatchingCounter> Counters => Set<MatchingCounter>();
    public DbSet<SnapshotChange> SnapshotChanges => Set<SnapshotChange>();

    /// <summary>
    /// Saves, bumps the coaches counter and logs which coaches changed at the new version, in one transaction (decision 0023).
    /// The coaches are those whose profile, status, listings or photo are added, modified or deleted in this context. The counter's
    /// row lock is held from the bump to the commit, so versions commit in order and the log has no holes a reader could skip.
    /// </summary>
    public async Task SaveAndBumpAsync(CancellationToken ct)
    {
        var coaches = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch { CoachProfile p => p.CoachId, CoachStatus s => s.CoachId, Listing l => l.CoachId, CoachPhoto ph => ph.CoachId, _ => Guid.Empty })
            .Where(id => id != Guid.Empty).Distinct().ToList();
        var strategy = Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await Database.BeginTransactionAsync(ct);
            await SaveChangesAsync(ct);
            await Counters.Where(c => c.Name == SnapshotCounter).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct);
            var version = await Counters.Where(c => c.Name == SnapshotCounter).Select(c => c.Value).FirstAsync(ct);
            var at = DateTime.UtcNow;
            SnapshotChanges.AddRange(coaches.Select(id => new SnapshotChange { Version = version, CoachId = id, ChangedAt = at }));
            await SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
        modelBuilder.Entity<QuizDraft>(e =>
        {
            e.ToTable(names.Table("quiz_drafts"), names.Schema);
            e.HasKey(x => x.UserId);
        });
        modelBuilder.Entity<QuizSubmission>(e =>
        {
            e.ToTable(names.Table("quiz_submissions"), names.Schema);
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.UserId, x.SubmittedAt }).HasDatabaseName(names.Index("quiz_submissions_user"));
        });
        modelBuilder.Entity<CvFile>(e =>
        {
            e.ToTable(names.Table("cvs"), names.Schema);
            e.HasKey(x => x.UserId);
            e.Property(x => x.StorageId).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(200);
        });
        modelBuilder.Entity<CvReading>(e =>
        {
            e.ToTable(names.Table("cv_readings"), names.Schema);
            e.HasKey(x => x.UserId);
            e.Property(x => x.Title).HasMaxLength(80);
            e.Property(x => x.Seniority).HasMaxLength(20);
        });
        modelBuilder.Entity<CoachProfile>(e =>
        {
            e.ToTable(names.Table("coach_profiles"), names.Schema);
            e.HasKey(x => x.CoachId);
            e.Property(x => x.Headline).HasMaxLength(160);
            e.Property(x => x.Bio).HasMaxLength(4000);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.HasIndex(x => x.IsListed).HasDatabaseName(names.Index("coach_profiles_listed"));
        });
        modelBuilder.Entity<CoachPhoto>(e =>
        {
            e.ToTable(names.Table("coach_photos"), names.Schema);
            e.HasKey(x => x.CoachId);
            e.Property(x => x.StorageId).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.Version).HasMaxLength(32);
        });
        modelBuilder.Entity<CoachStatus>(e =>
        {
            e.ToTable(names.Table("coach_statuses"), names.Schema);
            e.HasKey(x => x.CoachId);
        });
        modelBuilder.Entity<Listing>(e =>
        {
            e.ToTable(names.Table("listings"), names.Schema, t =>
            {
                t.HasCheckConstraint($"ck_{names.Table("listings")}_price", "price_minor > 0 AND price_minor <= 100000000");
                t.HasCheckConstraint($"ck_{names.Table("listings")}_sessions", "sessions >= 1 AND sessions <= 20");
            });
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(120);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.MeetingUrl).HasMaxLength(500);
            e.Ignore(x => x.PricePerSessionMinor);
            e.HasIndex(x => x.CoachId).HasDatabaseName(names.Index("listings_coach"));
        });
        modelBuilder.Entity<AccessGrant>(e =>
        {
            e.ToTable(names.Table("access_grants"), names.Schema);
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ConversationId).IsUnique().HasDatabaseName(names.Index("access_grants_conversation"));
            e.HasIndex(x => new { x.CoacheeId, x.CoachId }).HasDatabaseName(names.Index("access_grants_pair"));
        });
        modelBuilder.Entity<AccessLogEntry>(e =>
        {
            e.ToTable(names.Table("access_log"), names.Schema);
            e.HasKey(x => x.Id);
            e.Property(x => x.What).HasMaxLength(10);
            e.HasIndex(x => new { x.CoacheeId, x.At }).HasDatabaseName(names.Index("access_log_coachee"));
        });
        modelBuilder.Entity<MatchingCounter>(e =>
        {
            e.ToTable(names.Table("counters"), names.Schema);
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(40);
            // The snapshot's version counter exists from the start; requests only ever increment it.
            e.HasData(new MatchingCounter { Name = SnapshotCounter, Value = 0 });
        });
        modelBuilder.Entity<SnapshotChange>(e =>
        {
            e.ToTable(names.Table("snapshot_changes"), names.Schema);
            e.HasKey(x => new { x.Version, x.CoachId });
        });
    }
}
