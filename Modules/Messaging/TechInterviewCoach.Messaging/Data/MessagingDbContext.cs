using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Messaging.Data;

internal sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "messaging";
    public override string Module => ModuleName;

    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageReport> Reports => Set<MessageReport>();
    public DbSet<SuspendedSender> SuspendedSenders => Set<SuspendedSender>();

    public DbNames TableNames => Names;

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable(names.Table("conversations"), names.Schema);
            e.HasKey(c => c.Id);
            e.Property(c => c.LastSeq).IsConcurrencyToken();
            e.Property(c => c.CoacheeNotifiedAt).IsConcurrencyToken();
            e.Property(c => c.CoachNotifiedAt).IsConcurrencyToken();
            e.HasIndex(c => new { c.CoacheeId, c.CoachId }).IsUnique().HasDatabaseName(names.Index("conversations_pair"));
            e.HasIndex(c => c.CoachId).HasDatabaseName(names.Index("conversations_coach"));
        });
        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable(names.Table("messages"), names.Schema);
            e.HasKey(m => m.Id);
            e.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId)
                .HasConstraintName($"fk_{names.Table("messages")}_conversation").OnDelete(DeleteBehavior.NoAction);
            e.Property(m => m.Text).HasMaxLength(4000);
            e.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique().HasDatabaseName(names.Index("messages_conversation_seq"));
        });
        modelBuilder.Entity<MessageReport>(e =>
        {
            e.ToTable(names.Table("reports"), names.Schema);
            e.HasKey(r => r.Id);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.HasIndex(r => new { r.MessageId, r.ReporterId }).IsUnique().HasDatabaseName(names.Index("reports_message_reporter"));
        });
        modelBuilder.Entity<SuspendedSender>(e =>
        {
            e.ToTable(names.Table("suspended_senders"), names.Schema);
            e.HasKey(s => s.UserId);
        });
    }
}
