namespace TechInterviewCoach.BuildingBlocks.Outbox;

/// <summary>
/// The platform's own tables: the outbox every module writes to, and the Data Protection key ring
/// (shared by all instances, so cookies and encrypted CVs stay readable across restarts and hosts).
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string ModuleName = "platform";

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var names = DbNames.For(Database.ProviderName, ModuleName);
        if (names.Schema is not null) modelBuilder.HasDefaultSchema(names.Schema);
        OutboxMessage.Map(modelBuilder, names, excludeFromMigrations: false);
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable(names.Table("data_protection_keys"), names.Schema);
            e.HasKey(k => k.Id);
        });
        ModuleDbContext.SnakeCaseColumns(modelBuilder);
        ModuleDbContext.NameKeys(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
