using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.BuildingBlocks.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;
    [Range(1, 500)] public int BatchSize { get; set; } = 20;
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    /// <summary>How often the dispatcher looks for due messages when nothing woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>First retry delay; it doubles with each attempt, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")] public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long a claimed message stays invisible to other instances before it is taken again (a crash mid-send).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long a delivered message is kept (for troubleshooting) before it is deleted. Payloads can name people (an
    /// order email to a coach names the coachee; the deletion confirmation carries the address), so this is short.
    /// Zero deletes a message as soon as it is delivered. Dead letters are kept until an admin retries them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")] public TimeSpan RetainProcessedFor { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Publishes outbox messages at least once. Several instances share the work: on PostgreSQL a batch is
/// claimed with FOR UPDATE SKIP LOCKED and leased; on SQLite there is one instance by design.
/// A failing message is retried with exponential backoff and dead-lettered after MaxAttempts, or at once
/// when the handler says retrying cannot help (<see cref="PermanentFailureException"/>).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    DatabaseProvider database,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
                if (_options.RetainProcessedFor == TimeSpan.Zero || time.GetUtcNow() - _lastPurge >= TimeSpan.FromMinutes(1))
                    await PurgeDeliveredAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch round failed");
            }
            if (handled < _options.BatchSize)
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
    }

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>Deletes delivered messages older than <see cref="OutboxOptions.RetainProcessedFor"/>; returns how many.</summary>
    public async Task<int> PurgeDeliveredAsync(CancellationToken cancellationToken)
    {
        _lastPurge = time.GetUtcNow();
        var cutoff = _lastPurge.UtcDateTime - _options.RetainProcessedFor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Done && m.ProcessedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A claimed message: what the handlers need, read by the claim itself.</summary>
    private sealed record Claimed(Guid Id, string Type, string Payload, int Attempts);

    /// <summary>
    /// Claims and handles one batch of due messages; returns how many it handled. The delivered ones are marked done
    /// together after the batch (one statement, not one per message); a crash in between only means they are delivered
    /// again, which at-least-once handlers absorb.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0) return 0;
        var delivered = new List<Guid>(claimed.Count);
        try
        {
            foreach (var message in claimed)
                if (await HandleAsync(message, cancellationToken)) delivered.Add(message.Id);
        }
        finally
        {
            // Also when stopping mid-batch: what was delivered is recorded.
            if (delivered.Count > 0) await MarkDoneAsync(delivered);
        }
        return claimed.Count;
    }

    private async Task MarkDoneAsync(List<Guid> delivered)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var done = time.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => delivered.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Done)
            .SetProperty(m => m.ProcessedAt, done)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var lease = now + _options.Lease;
        if (database.IsPostgres)
        {
            var table = DbNames.For("Npgsql", PlatformDbContext.ModuleName).Qualified("outbox_messages");
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE {table} SET locked_until = @lease, attempts = attempts + 1
                WHERE id IN (SELECT id FROM {table}
                             WHERE status = 0 AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                             ORDER BY occurred_at LIMIT @batch FOR UPDATE SKIP LOCKED)
                RETURNING id, type, payload, attempts, occurred_at
                """;
            AddParameter(command, "lease", lease);
            AddParameter(command, "now", now);
            AddParameter(command, "batch", _options.BatchSize);
            var rows = new List<(Claimed Message, DateTime OccurredAt)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((new Claimed(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)), reader.GetDateTime(4)));
            // RETURNING does not keep the subquery's order: handle in the order things happened.
            return rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Message.Id).Select(r => r.Message).ToList();
        }

        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt).Take(_options.BatchSize).Select(m => new Claimed(m.Id, m.Type, m.Payload, m.Attempts + 1)).ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            var ids = due.Select(m => m.Id).ToList();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        }
        return due;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Publishes one message to its handlers; true when they all succeeded. A failure is recorded here.</summary>
    private async Task<bool> HandleAsync(Claimed message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OutboxExecutionContext>();
        context.MessageId = message.Id;
        context.Attempt = message.Attempts;
        try
        {
            var notification = new OutboxMessage { Type = message.Type, Payload = message.Payload }.Deserialize();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested || ex is not OperationCanceledException)
        {
            var permanent = ex is PermanentFailureException;
            var deadLetter = permanent || message.Attempts >= _options.MaxAttempts;
            var error = Describe(ex);
            var now = time.GetUtcNow().UtcDateTime;
            var next = now + Backoff(message.Attempts);
            if (deadLetter)
                logger.LogError("Outbox message {MessageId} ({Type}) dead-lettered after {Attempts} attempt(s): {Error}", message.Id, message.Type, message.Attempts, error);
            else
                logger.LogWarning("Outbox message {MessageId} ({Type}) failed on attempt {Attempts}, retrying at {NextAttempt:o}: {Error}", message.Id, message.Type, message.Attempts, next, error);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, deadLetter ? OutboxStatus.DeadLettered : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = _options.BaseBackoff.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxBackoff.TotalSeconds));
    }

    /// <summary>Exception type and message with anything that looks like an email address removed; at most 2,000 characters.</summary>
    internal static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {EmailAddress.Redact(ex.Message)}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}

/// <summary>Admin operations on the outbox (the "failed jobs" view).</summary>
public static class OutboxAdmin
{
    public static Task<int> RetryAsync(this PlatformDbContext db, Guid id, DateTime utcNow, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.DeadLettered).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, utcNow), cancellationToken);
}
