namespace TechInterviewCoach.Integrations.Data;

internal sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "integrations";
    public override string Module => ModuleName;

    public DbSet<EmailRecord> Emails => Set<EmailRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder, DbNames names)
    {
        modelBuilder.Entity<EmailRecord>(e =>
        {
            e.ToTable(names.Table("emails"), names.Schema);
            e.HasKey(x => x.Id);
            e.Property(x => x.Template).HasMaxLength(60);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.ResendId).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => x.OutboxMessageId).IsUnique().HasDatabaseName(names.Index("emails_outbox_message_id"));
            e.HasIndex(x => x.CreatedAt).HasDatabaseName(names.Index("emails_created_at"));
        });
    }
}
