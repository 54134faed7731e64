using Microsoft.Extensions.DependencyInjection;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>
/// Sends queued events to PostHog in batches: when BatchSize events are waiting or every FlushInterval.
/// A failing batch is retried a bounded number of times (PostHog:MaxRetries, by the typed client's standard
/// resilience handler), then dropped with one log line that names
/// only counts and status codes. Nothing here can block a person's request.
/// </summary>
internal sealed class PostHogFlusher(
    AnalyticsQueue queue,
    IServiceProvider services,
    IOptions<PostHogOptions> options,
    ILogger<PostHogFlusher> logger) : BackgroundService
{
    private readonly PostHogOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        var batch = new List<QueuedEvent>(_options.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                window.CancelAfter(_options.FlushInterval);
                while (batch.Count < _options.BatchSize && await queue.Reader.WaitToReadAsync(window.Token))
                    while (batch.Count < _options.BatchSize && queue.Reader.TryRead(out var e)) batch.Add(e);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* the interval elapsed */ }
            catch (OperationCanceledException) { break; }

            if (batch.Count > 0) await FlushAsync(batch, stoppingToken);
        }
        // Last chance on shutdown: what is queued now, once, briefly.
        while (queue.Reader.TryRead(out var e) && batch.Count < 1000) batch.Add(e);
        if (batch.Count > 0)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await FlushAsync(batch, grace.Token);
        }
    }

    private async Task FlushAsync(List<QueuedEvent> batch, CancellationToken cancellationToken)
    {
        var dropped = queue.TakeDroppedCount();
        if (dropped > 0) logger.LogWarning("Analytics queue was full: {Count} event(s) dropped", dropped);
        try
        {
            var gateway = services.GetRequiredService<IAnalyticsGateway>();
            await gateway.SendBatchAsync(batch, cancellationToken);
            logger.LogDebug("Sent {Count} analytics event(s) to PostHog", batch.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Counts and the failure kind only: no event content, no ids.
            logger.LogWarning("Analytics batch of {Count} event(s) dropped after retries: {Failure}", batch.Count, Describe(ex));
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Analytics batch of {Count} event(s) dropped at shutdown", batch.Count);
        }
        finally
        {
            batch.Clear();
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $"PostHog answered {(int)status}",
        HttpRequestException h => $"PostHog unreachable ({h.HttpRequestError})",
        TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "PostHog timed out",
        Polly.CircuitBreaker.BrokenCircuitException => "PostHog circuit open after repeated failures",
        _ => ex.GetType().Name,
    };
}
