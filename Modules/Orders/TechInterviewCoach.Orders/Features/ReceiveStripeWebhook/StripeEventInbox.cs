using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Stores received events by group commit (decision 0024): deliveries that arrive while a commit is under way wait in a
/// queue, and the next commit stores all of them with one <c>INSERT … ON CONFLICT (id) DO NOTHING</c>. Each delivery's
/// <see cref="StoreAsync"/> completes only after the commit that holds its row (or the row that was already there) is
/// durable, so a 200 still means "stored". A failed commit fails every delivery in it (Stripe retries them).
/// </summary>
internal sealed class StripeEventInbox(IServiceScopeFactory scopes, DatabaseProvider database, ILogger<StripeEventInbox> logger) : BackgroundService
{
    /// <summary>Commits in flight at once: while one waits for the disk, the next batch is gathered and sent.</summary>
    private const int Writers = 2;
    private const int MaxBatch = 256;

    private sealed record Pending(StripeEventRecord Row, TaskCompletionSource<bool> Stored);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>Stores the event unless its id is stored already; true when this delivery stored it (false: a duplicate).</summary>
    public Task<bool> StoreAsync(StripeEventRecord row, CancellationToken ct)
    {
        var pending = new Pending(row, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new UnavailableException("shutting_down", "The server is shutting down; Stripe will deliver the event again.");
        // The commit goes on when the caller gives up (the row may be stored; Stripe's retry is then a duplicate).
        return pending.Stored.Task.WaitAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(stoppingToken), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Stopping: the queue is completed first, so what is queued is still written.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            if (batch.Count == 0) continue;
            try
            {
                var stored = await InsertAsync(batch, stoppingToken.IsCancellationRequested ? CancellationToken.None : stoppingToken);
                // The first delivery of an id in the batch carries its row; repeats of it in the same batch are duplicates.
                foreach (var p in batch) p.Stored.TrySetResult(stored.Remove(p.Row.Id));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Storing {Count} received Stripe event(s) failed; each delivery is answered 503 and Stripe retries it", batch.Count);
                foreach (var p in batch) p.Stored.TrySetException(new UnavailableException("events_not_stored", "The event could not be stored; Stripe will deliver it again."));
            }
        }
    }

    /// <summary>One statement (PostgreSQL: arrays unnested; SQLite: one insert per row in one transaction); returns the ids it inserted.</summary>
    private async Task<HashSet<string>> InsertAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var table = DbNames.For(db.Database.ProviderName, OrdersDbContext.ModuleName).Qualified("stripe_events");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        const string columns = "id, endpoint, type, account, payload, received_at, status, attempts, next_attempt_at, last_error, object_key, stripe_created_at, waiting";
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var rows = batch.Select(p => p.Row).ToList();
        if (database.IsPostgres)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO {table} ({columns})
                SELECT r.id, r.endpoint, r.type, r.account, r.payload, r.received_at, r.status, 0, r.received_at, r.last_error, r.object_key, r.stripe_created_at, false
                FROM unnest(@id, @endpoint, @type, @account, @payload, @received_at, @status, @last_error, @object_key, @stripe_created_at)
                     AS r(id, endpoint, type, account, payload, received_at, status, last_error, object_key, stripe_created_at)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """;
            Add(command, "id", rows.Select(r => r.Id).ToArray());
            Add(command, "endpoint", rows.Select(r => r.Endpoint).ToArray());
            Add(command, "type", rows.Select(r => r.Type).ToArray());
            Add(command, "account", rows.Select(r => r.Account).ToArray());
            Add(command, "payload", rows.Select(r => r.Payload).ToArray());
            Add(command, "received_at", rows.Select(r => r.ReceivedAt).ToArray());
            Add(command, "status", rows.Select(r => (int)r.Status).ToArray());
            Add(command, "last_error", rows.Select(r => r.LastError).ToArray());
            Add(command, "object_key", rows.Select(r => r.ObjectKey).ToArray());
            Add(command, "stripe_created_at", rows.Select(r => r.StripeCreatedAt).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) stored.Add(reader.GetString(0));
            return stored;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var r in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO {table} ({columns})
                VALUES (@id, @endpoint, @type, @account, @payload, @received_at, @status, 0, @received_at, @last_error, @object_key, @stripe_created_at, 0)
                ON CONFLICT (id) DO NOTHING
                """;
            Add(command, "id", r.Id);
            Add(command, "endpoint", r.Endpoint);
            Add(command, "type", r.Type);
            Add(command, "account", r.Account);
            Add(command, "payload", r.Payload);
            // As EF stores them on SQLite (UtcDateTimeConverter, TEXT).
            Add(command, "received_at", r.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            Add(command, "status", (int)r.Status);
            Add(command, "last_error", r.LastError);
            Add(command, "object_key", r.ObjectKey);
            Add(command, "stripe_created_at", r.StripeCreatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            if (await command.ExecuteNonQueryAsync(ct) == 1) stored.Add(r.Id);
        }
        await transaction.CommitAsync(ct);
        return stored;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }
}
