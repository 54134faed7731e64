namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Clears full addresses older than <see cref="SignInHistoryOptions.AddressRetention"/> and deletes sign-ins older than
/// <see cref="SignInHistoryOptions.History"/>, at start and then every <see cref="SignInHistoryOptions.CleanupInterval"/>.
/// </summary>
internal sealed class SignInRetention(IServiceScopeFactory scopes, IOptions<SignInHistoryOptions> options, TimeProvider time, ILogger<SignInRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex) { logger.LogWarning(ex, "Sign-in history clean-up failed; it runs again in {Interval}", options.Value.CleanupInterval); }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var addressCutoff = now - options.Value.AddressRetention;
        var historyCutoff = now - options.Value.History;
        var cleared = await db.SignIns.Where(s => s.IpAddress != null && s.OccurredAt < addressCutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.IpAddress, (string?)null), ct);
        var deleted = await db.SignIns.Where(s => s.OccurredAt < historyCutoff).ExecuteDeleteAsync(ct);
        if (cleared + deleted > 0)
            logger.LogInformation("Sign-in history: cleared {Cleared} addresses, deleted {Deleted} old sign-ins", cleared, deleted);
    }
}
