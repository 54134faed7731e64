using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: the module's schema (or table prefix on SQLite), snake_case
/// columns, DateTime always UTC, and the shared outbox table so that a change and the side effects it
/// must cause commit in one transaction. The outbox table belongs to the platform's migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module's schema name on PostgreSQL, and its table prefix on SQLite.</summary>
    public abstract string Module { get; }

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected DbNames Names => DbNames.For(Database.ProviderName, Module);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var names = Names;
        if (names.Schema is not null) modelBuilder.HasDefaultSchema(names.Schema);
        ConfigureModel(modelBuilder, names);
        OutboxMessage.Map(modelBuilder, DbNames.For(Database.ProviderName, PlatformDbContext.ModuleName), excludeFromMigrations: true);
        SnakeCaseColumns(modelBuilder);
        NameKeys(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder, DbNames names);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite gives DateTime back as Unspecified; every time in storage is UTC, so say so.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    /// <summary>Adds a notification to the outbox; it is dispatched after this context's SaveChanges commits.</summary>
    public void Enqueue(INotification notification, DateTimeOffset now) =>
        Outbox.Add(OutboxMessage.Create(notification, now.UtcDateTime, Module));

    internal static void SnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            var current = property.GetColumnName();
            if (current == property.Name) property.SetColumnName(ToSnakeCase(current));
        }
    }

    /// <summary>Primary keys are named <c>pk_&lt;table&gt;</c>, as the first, hand-written migrations named them.</summary>
    internal static void NameKeys(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            if (entity.GetTableName() is { } table && entity.FindPrimaryKey() is { } key)
                key.SetName($"pk_{table}");
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Stores DateTime as UTC and reads it back with Kind=Utc on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
