using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// Builds the match snapshot when the instance starts, so the first match request after the instance reports ready
/// ranks like any other instead of waiting seconds for a build of 100,000 coaches (decision 0013).
/// A failed build (the database not there yet) is tried again until one succeeds.
/// </summary>
internal sealed class MatchSnapshotWarmUp(MatchSnapshotCache cache, ILogger<MatchSnapshotWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!cache.IsWarm && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cache.WarmUpAsync().WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Warming up the match snapshot failed; trying again in {Seconds} s", RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

/// <summary>
/// Readiness: unhealthy until this instance holds a match snapshot, so a load balancer sends it no traffic before. A probe
/// during the build waits for it up to <see cref="ProbeWait"/> (a small catalogue is ready within the first probe).
/// </summary>
internal sealed class MatchSnapshotHealthCheck(MatchSnapshotCache cache) : IHealthCheck
{
    public const string Name = "match-snapshot";
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (cache.IsWarm) return HealthCheckResult.Healthy();
        try { await cache.WarmUpAsync().WaitAsync(ProbeWait, cancellationToken); }
        catch (Exception) { } // still building (timed out), or the build failed: the warm-up logs it and tries again
        return cache.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("building the match snapshot");
    }
}
