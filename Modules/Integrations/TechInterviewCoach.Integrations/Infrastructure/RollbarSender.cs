using Microsoft.Extensions.DependencyInjection;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>
/// Sends captured errors to Rollbar in the background, at most Rollbar:MaxItemsPerMinute; the rest of a burst is
/// counted and dropped with one log line per minute. A send is retried briefly on 429/5xx/timeouts by the typed
/// client's standard resilience handler (Rollbar:MaxRetries), then logged (status only) and dropped: an error
/// report is worth less than the app's calm.
/// </summary>
internal sealed class RollbarSender(
    RollbarQueue queue,
    IServiceProvider services,
    IOptions<RollbarOptions> options,
    ILogger<RollbarSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Enabled) return;
        var max = options.Value.MaxItemsPerMinute;
        var windowStart = DateTime.UtcNow;
        var sentInWindow = 0;
        try
        {
            await foreach (var report in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var now = DateTime.UtcNow;
                if (now - windowStart >= TimeSpan.FromMinutes(1))
                {
                    var dropped = queue.TakeDroppedCount();
                    if (dropped > 0) logger.LogWarning("Error reporting capped: {Count} error report(s) not sent to Rollbar in the last minute", dropped);
                    windowStart = now;
                    sentInWindow = 0;
                }
                if (sentInWindow >= max)
                {
                    queue.CountDropped(1);
                    continue;
                }
                sentInWindow++;
                try
                {
                    await services.GetRequiredService<IErrorGateway>().SendAsync(report, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Error report {ReportId} not accepted by Rollbar: {Failure}", report.Uuid,
                        ex is HttpRequestException { StatusCode: { } s } ? $"status {(int)s}" : ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
