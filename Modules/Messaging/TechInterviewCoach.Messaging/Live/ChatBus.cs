using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Messaging.Live;

/// <summary>Tells every open stream (on this instance or, on PostgreSQL, on any instance) that something changed.</summary>
internal interface IChatBus
{
    /// <summary>Call after the change committed. Never throws: a lost wake-up is caught up by the next one or a reconnect.</summary>
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
/// PostgreSQL: NOTIFY messaging_events with ids only (never text). Every instance, this one included, hears it
/// through <see cref="PostgresChatListener"/> and wakes its local streams, which then read from the database.
/// </summary>
internal sealed partial class PostgresChatBus(DatabaseProvider database, ChatHub hub, ILogger<PostgresChatBus> logger) : IChatBus
{
    public const string Channel = "messaging_events";

    public async Task PublishAsync(ChatEvent e, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", e.ToPayload());
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Other instances miss this one wake-up (their readers catch up on the next event or reconnect); this instance still delivers.
            LogNotifyFailed(logger, e.ConversationId, ex.GetType().Name);
            hub.Deliver(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "NOTIFY for conversation {ConversationId} failed ({Error}); delivered on this instance only")]
    private static partial void LogNotifyFailed(ILogger logger, Guid conversationId, string error);
}

/// <summary>A dedicated long-lived connection that LISTENs on messaging_events and reconnects when it drops.</summary>
internal sealed partial class PostgresChatListener(DatabaseProvider database, ChatHub hub, ILogger<PostgresChatListener> logger) : BackgroundService
{
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres) return;
        await Task.Yield();
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, args) =>
                {
                    if (ChatEvent.Parse(args.Payload) is { } e) hub.Deliver(e);
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
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                Listening = false;
                LogListenFailed(logger, ex.GetType().Name, delay.TotalMilliseconds);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "LISTEN messaging_events lost ({Error}); reconnecting in {DelayMs} ms")]
    private static partial void LogListenFailed(ILogger logger, string error, double delayMs);
}

internal static class ChatBusRegistration
{
    public static IServiceCollection AddChatBus(this IServiceCollection services)
    {
        services.AddSingleton<ChatHub>();
        services.AddSingleton<InProcessChatBus>();
        services.AddSingleton<PostgresChatBus>();
        services.AddSingleton<PostgresChatListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChatListener>());
        services.AddSingleton<IChatBus>(sp => sp.GetRequiredService<DatabaseProvider>().IsPostgres
            ? sp.GetRequiredService<PostgresChatBus>()
            : sp.GetRequiredService<InProcessChatBus>());
        return services;
    }
}
