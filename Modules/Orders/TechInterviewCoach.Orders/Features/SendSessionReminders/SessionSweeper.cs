using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Every Orders:SessionSweepInterval: sends the reminders due (<see cref="SendSessionReminders"/>) and refunds the unused
/// sessions of packages whose validity ended (<see cref="RefundExpiredPackages"/>). Both are idempotent, so a missed or
/// repeated sweep changes nothing.
/// </summary>
internal sealed class SessionSweeper(IServiceScopeFactory scopes, IOptions<OrdersOptions> options, ILogger<SessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(options.Value.SessionSweepInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
            foreach (var request in new IRequest<int>[] { new SendSessionReminders(), new RefundExpiredPackages() })
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, stoppingToken);
                    if (done > 0) logger.LogInformation("{Sweep}: {Count} done", request.GetType().Name, done);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "{Sweep} failed; it is tried again at the next sweep", request.GetType().Name);
                }
            }
        }
    }
}
