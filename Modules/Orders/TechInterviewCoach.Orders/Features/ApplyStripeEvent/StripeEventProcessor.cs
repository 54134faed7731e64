using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Orders.Features;

/// <summary>Thrown when an event cannot be applied yet (e.g. a refund for a payment whose confirmation has not arrived); it is retried.</summary>
internal sealed class NotReadyException(string message) : Exception(message);

/// <summary>
/// Applies stored Stripe events in the background: claims due rows (a lease, so several instances never apply
/// one event twice at once), applies each in its own transaction together with marking it processed, and on
/// failure keeps it for a retry with exponential backoff. Nothing is lost: the row stays until applied.
/// </summary>
internal sealed class StripeEventProcessor(IServiceScopeFactory scopes, StripeEventSignal signal, TimeProvider time,
    IOptions<OrdersOptions> options, ILogger<StripeEventProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ExpireAbandonedAsync(stoppingToken);
                var worked = await ProcessDueAsync(50, stoppingToken);
                if (worked > 0) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "Stripe event processing round failed"); }
            try { await signal.WaitAsync(options.Value.EventPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private DateTime _nextSweep;

    /// <summary>
    /// Releases the slots of pending orders whose checkout can no longer be paid (Stripe never answered, or the
    /// expiry event never came): past the session's lifetime plus a grace period. A late payment still lands (Expired → Paid).
    /// </summary>
    public async Task ExpireAbandonedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextSweep) return;
        _nextSweep = now.AddMinutes(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var cutoff = now.AddMinutes(-(options.Value.CheckoutExpiryMinutes + 15));
        var stale = await db.Orders.Include(o => o.Bookings).Where(o => o.State == OrderState.Pending && o.CreatedAt < cutoff).OrderBy(o => o.CreatedAt).Take(100).ToListAsync(ct);
        foreach (var order in stale)
        {
            if (!order.MoveTo(OrderState.Expired, now, "system", "Checkout abandoned", null)) continue;
            foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held)) b.Status = BookingStatus.Released;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { /* a webhook changed one meanwhile; the next sweep looks again */ }
    }

    /// <summary>Processes the events due now; returns how many were attempted.</summary>
    public async Task<int> ProcessDueAsync(int batch, CancellationToken ct)
    {
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            due = await db.StripeEvents.AsNoTracking()
                .Where(e => e.Status == StripeEventStatus.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
                .OrderBy(e => e.ReceivedAt).Select(e => e.Id).Take(batch).ToListAsync(ct);
        }
        foreach (var id in due) await ProcessOneAsync(id, ct);
        return due.Count;
    }

    private async Task ProcessOneAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var claimed = await db.StripeEvents
                .Where(e => e.Id == id && e.Status == StripeEventStatus.Pending && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, now.AddMinutes(2)), ct);
            if (claimed == 0) return;
        }

        string? error = null;
        var attempts = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var ev = await db.StripeEvents.SingleAsync(e => e.Id == id, ct);
            attempts = ev.Attempts + 1;
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyStripeEvent(ev.Id), ct);
                ev.Attempts = attempts;
                ev.Status = StripeEventStatus.Processed;
                ev.ProcessedAt = time.GetUtcNow().UtcDateTime;
                ev.LockedUntil = null;
                ev.LastError = null;
                await db.SaveChangesAsync(ct); // the effects, their outbox messages and "processed" commit together
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception e)
            {
                error = e is NotReadyException ? $"waiting: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
                if (e is not NotReadyException and not DbUpdateConcurrencyException)
                    logger.LogError(e, "Applying Stripe event {EventId} ({Type}) failed, attempt {Attempt}", id, ev.Type, attempts);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var o = options.Value;
            var delay = TimeSpan.FromTicks(Math.Min(o.EventRetryMaxDelay.Ticks, o.EventRetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            var gaveUp = attempts >= o.EventMaxAttempts;
            var at = time.GetUtcNow().UtcDateTime;
            await db.StripeEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.LastError, error!.Length > 1900 ? error.Substring(0, 1900) : error)
                .SetProperty(e => e.NextAttemptAt, at + delay)
                .SetProperty(e => e.LockedUntil, (DateTime?)null)
                .SetProperty(e => e.Status, gaveUp ? StripeEventStatus.GaveUp : StripeEventStatus.Pending), ct);
            if (gaveUp) logger.LogError("Stripe event {EventId} set aside after {Attempts} attempts", id, attempts);
        }
    }
}
