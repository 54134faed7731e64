using System.Collections.Concurrent;
using System.Text.Json;

namespace TechInterviewCoach.BuildingBlocks.Outbox;

public enum OutboxStatus { Pending = 0, Done = 1, DeadLettered = 2 }

/// <summary>
/// A notification waiting to be published. Written by a module in the same transaction as the change
/// that causes it; published at least once by <see cref="OutboxDispatcher"/>, so handlers are idempotent
/// (they get the message id from <see cref="OutboxExecutionContext"/>).
/// </summary>
public sealed class OutboxMessage
{
    private static JsonSerializerOptions Json => JsonDefaults.Web;
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    public Guid Id { get; set; }
    public string Module { get; set; } = "";
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime? ProcessedAt { get; set; }
    /// <summary>Exception type and a scrubbed message; never personal data.</summary>
    public string? LastError { get; set; }

    public static OutboxMessage Create(INotification notification, DateTime utcNow, string module) => new()
    {
        Id = Guid.CreateVersion7(),
        Module = module,
        Type = notification.GetType().FullName!,
        Payload = JsonSerializer.Serialize(notification, notification.GetType(), Json),
        OccurredAt = utcNow,
        NextAttemptAt = utcNow,
        Status = OutboxStatus.Pending,
    };

    public INotification Deserialize()
    {
        var type = Types.GetOrAdd(Type, static name => AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("TechInterviewCoach", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(name))
            .FirstOrDefault(t => t is not null && typeof(INotification).IsAssignableFrom(t)));
        if (type is null) throw new InvalidOperationException($"Unknown outbox message type {Type}");
        return (INotification)(JsonSerializer.Deserialize(Payload, type, Json) ?? throw new InvalidOperationException("Empty outbox payload"));
    }

    internal static void Map(ModelBuilder modelBuilder, DbNames names, bool excludeFromMigrations)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(names.Table("outbox_messages"), names.Schema, t => { if (excludeFromMigrations) t.ExcludeFromMigrations(); });
            e.HasKey(m => m.Id);
            e.Property(m => m.Module).HasMaxLength(40);
            e.Property(m => m.Type).HasMaxLength(300);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName(names.Index("outbox_due"));
            e.HasIndex(m => m.OccurredAt).HasDatabaseName(names.Index("outbox_pending")).HasFilter("status = 0");
            e.HasIndex(m => m.ProcessedAt).HasDatabaseName(names.Index("outbox_delivered")).HasFilter("status = 1");
        });
    }
}

/// <summary>Set by the dispatcher for the scope in which an outbox message's handlers run.</summary>
public sealed class OutboxExecutionContext
{
    /// <summary>The outbox message being handled; stable across retries, so it serves as an idempotency key.</summary>
    public Guid? MessageId { get; set; }
    public int Attempt { get; set; }
}
