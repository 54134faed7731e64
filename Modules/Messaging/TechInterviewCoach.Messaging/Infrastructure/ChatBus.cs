using System.Threading.Channels;
using Npgsql;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Messaging.Infrastructure;

/// <summary>Tells every open stream (on this instance or, on PostgreSQL, on any instance) that something changed.</summary>
internal interface IChatBus
{
    /// <summary>Call after the change committed. Never throws: a lost event is caught up by the next one, the catch-up round or a reconnect.</summary>
    Task PublishAsync(ChatEvent e, CancellationToken cancellationToken = default);
}

/// <summary>SQLite (one instance by design): deliver in-process.</summary>
internal sealed class InProcessChatBus(ChatHub hub) : IChatBus
{
    public Task PublishAsync(ChatEvent e, CancellationToken cancellationToken = default)
    {
        hub.Deliver(e);
        return Task.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: streams on this instance get the event at once, message included; the other instances hear a NOTIFY on
/// messaging_events with ids only (never text), sent in batches off the request path by <see cref="PostgresChatNotifier"/>.
/// </summary>
internal sealed class PostgresChatBus(ChatHub hub, PostgresChatNotifier notifier) : IChatBus
{
    public const string Channel = "messaging_events";

    public Task PublishAsync(ChatEvent e, CancellationToken cancellationToken = default)
    {
        hub.Deliver(e);
        notifier.Enqueue(e.ToPayload(hub.InstanceId));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sends queued NOTIFYs, as many as are waiting in one round trip, in the order they were published. When PostgreSQL
/// cannot be reached the batch is dropped with a warning: other instances' streams catch up at their next event,
/// catch-up round (<see cref="ChatCatchUp"/>) or reconnect, because a stream always reads from the last number it sent.
/// </summary>
internal sealed partial class PostgresChatNotifier(DatabaseProvider database, ILogger<PostgresChatNotifier> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(50_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });

    public void Enqueue(string payload) => _queue.Writer.TryWrite(payload);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres) return;
        var batch = new List<string>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var payload)) batch.Add(payload);
                try
                {
                    await using var connection = new NpgsqlConnection(database.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlBatch(connection);
                    foreach (var payload in batch)
                        notify.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                        {
                            Parameters = { new() { Value = PostgresChatBus.Channel }, new() { Value = payload } },
                        });
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogNotifyFailed(logger, batch.Count, ex.GetType().Name);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(LogLevel.Warning, "NOTIFY of {Count} chat event(s) failed ({Error}); other instances catch up at their next event or catch-up round")]
    private static partial void LogNotifyFailed(ILogger logger, int count, string error);
}

/// <summary>
/// A dedicated long-lived connection that LISTENs on messaging_events and reconnects when it drops. Another instance's
/// message is read once here, by id, for all local streams of that conversation, instead of by each stream.
/// </summary>
internal sealed partial class PostgresChatListener(
    DatabaseProvider database, ChatHub hub, IServiceScopeFactory scopes, ILogger<PostgresChatListener> logger) : BackgroundService
{
    private readonly Channel<(ChatEvent Event, Guid MessageId)> _heard = Channel.CreateUnbounded<(ChatEvent, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres) return;
        await Task.Yield();
        var delivering = DeliverHeardAsync(stoppingToken);
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, args) =>
                {
                    if (ChatEvent.Parse(args.Payload) is not { } heard || heard.Origin == hub.InstanceId) return;
                    if (hub.Wants(heard.Event)) _heard.Writer.TryWrite((heard.Event, heard.MessageId));
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChatBus.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Listening = true;
                delay = TimeSpan.FromMilliseconds(200);
                // Anything that happened while not listening: every local stream looks again.
                hub.WakeAll();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                Listening = false;
                LogListenFailed(logger, ex.GetType().Name, delay.TotalMilliseconds);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { break; }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
        _heard.Writer.TryComplete();
        await delivering;
    }

    /// <summary>Delivers heard events in order; the messages among them are read in one query per batch.</summary>
    private async Task DeliverHeardAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(ChatEvent Event, Guid MessageId)>();
        try
        {
            while (await _heard.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 500 && _heard.Reader.TryRead(out var item)) batch.Add(item);
                var ids = batch.Where(b => b.Event.Kind == ChatEventKind.Message && b.MessageId != Guid.Empty).Select(b => b.MessageId).ToList();
                var messages = new Dictionary<Guid, ChatMessage>();
                if (ids.Count > 0)
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
                        messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))
                            .Select(m => new ChatMessage(m.Id, m.Seq, m.SenderId, m.Text, m.SentAt)).ToDictionaryAsync(m => m.Id, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        // Without the text the streams read it themselves.
                        LogFetchFailed(logger, ids.Count, ex.GetType().Name);
                    }
                }
                foreach (var (e, messageId) in batch)
                    hub.Deliver(messages.TryGetValue(messageId, out var message) ? e with { Message = message } : e);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(LogLevel.Warning, "LISTEN messaging_events lost ({Error}); reconnecting in {DelayMs} ms")]
    private static partial void LogListenFailed(ILogger logger, string error, double delayMs);

    [LoggerMessage(LogLevel.Warning, "Reading {Count} message(s) announced by another instance failed ({Error}); streams read them themselves")]
    private static partial void LogFetchFailed(ILogger logger, int count, string error);
}

/// <summary>
/// The instance's catch-up round, instead of a database read per stream per keep-alive: every
/// <see cref="MessagingOptions.StreamKeepAlive"/> one query reads the rows of the conversations that have a stream open
/// here (up to 1,000 ids a query) and wakes only the streams that have not sent what the row shows (a newer message, a
/// newer read mark of the other party, another state). So an event that never arrived (another instance's NOTIFY lost,
/// that instance gone between its commit and its NOTIFY) still reaches the stream within one round.
/// </summary>
internal sealed partial class ChatCatchUp(ChatHub hub, IServiceScopeFactory scopes, TimeProvider time, IOptions<MessagingOptions> options,
    ILogger<ChatCatchUp> logger) : BackgroundService
{
    private const int IdsPerQuery = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StreamKeepAlive, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await RunOnceAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogCatchUpFailed(logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>One round; returns how many streams it woke.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var open = hub.Conversations().ToDictionary(c => c.ConversationId, c => c.Streams);
        var woken = 0;
        foreach (var ids in open.Keys.Chunk(IdsPerQuery))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            var rows = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.CoacheeId, c.LastSeq, c.CoacheeReadSeq, c.CoachReadSeq, Closed = c.ClosedAt != null, Blocked = c.BlockedBy != null })
                .ToListAsync(ct);
            foreach (var row in rows)
                foreach (var stream in open[row.Id])
                {
                    var otherRead = stream.UserId == row.CoacheeId ? row.CoachReadSeq : row.CoacheeReadSeq;
                    if (!stream.IsBehind(row.LastSeq, otherRead, row.Closed, row.Blocked)) continue;
                    stream.Wake();
                    woken++;
                }
        }
        if (woken > 0) LogWoken(logger, woken);
        return woken;
    }

    [LoggerMessage(LogLevel.Debug, "Chat catch-up woke {Count} stream(s) that were behind")]
    private static partial void LogWoken(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Chat catch-up round failed ({Error}); the next round tries again")]
    private static partial void LogCatchUpFailed(ILogger logger, string error);
}

internal static class ChatBusRegistration
{
    public static IServiceCollection AddChatBus(this IServiceCollection services)
    {
        services.AddSingleton<ChatHub>();
        services.AddSingleton<InProcessChatBus>();
        services.AddSingleton<PostgresChatNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChatNotifier>());
        services.AddSingleton<PostgresChatBus>();
        services.AddSingleton<PostgresChatListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChatListener>());
        services.AddSingleton<ChatCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatCatchUp>());
        services.AddSingleton<IChatBus>(sp => sp.GetRequiredService<DatabaseProvider>().IsPostgres
            ? sp.GetRequiredService<PostgresChatBus>()
            : sp.GetRequiredService<InProcessChatBus>());
        return services;
    }
}
