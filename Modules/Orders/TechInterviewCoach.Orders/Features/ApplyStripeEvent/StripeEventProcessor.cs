using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Orders.Features;

/// <summary>Thrown when an event cannot be applied yet (e.g. a refund for a payment whose confirmation has not arrived); it is retried.</summary>
internal sealed class NotReadyException(string message) : Exception(message);

/// <summary>
/// Applies stored Stripe events in the background, in batches (decision 0024): claims due rows (a lease, so several
/// instances never apply one event twice at once), at most one per Stripe object and only the earliest pending one of
/// its object, applies them in one transaction together with marking them processed, and records how long each waited
/// from receipt. When an event of the batch fails, the batch is applied again one event at a time, each with its own
/// savepoint: the others commit, the failing one is kept for a retry with exponential backoff. Nothing is lost: the row
/// stays until applied.
/// </summary>
internal sealed class StripeEventProcessor(IServiceScopeFactory scopes, StripeEventSignal signal, TimeProvider time,
    IOptions<OrdersOptions> options, IMeterFactory meters, ILogger<StripeEventProcessor> logger) : BackgroundService
{
    public const string MeterName = "TechInterviewCoach.Orders";
    public const string LagInstrument = "orders.stripe_event.receipt_to_applied";

    private readonly Histogram<double> _lag = meters.Create(MeterName).CreateHistogram<double>(LagInstrument, "s",
        "From a Stripe event's receipt to its effects committed (an order shown paid, a refund recorded)");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProcessEvents) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ExpireAbandonedAsync(stoppingToken);
                var worked = await ProcessDueAsync(options.Value.EventBatchSize, stoppingToken);
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

    /// <summary>A claimed event: what the retry bookkeeping and the lag figure need.</summary>
    private sealed record Claimed(string Id, string Type, int Attempts, DateTime ReceivedAt);

    /// <summary>Claims and applies one batch of the events due now; returns how many were attempted.</summary>
    public async Task<int> ProcessDueAsync(int batch, CancellationToken ct)
    {
        var claimed = await ClaimAsync(batch, ct);
        if (claimed.Count == 0) return 0;
        // Quick path: the whole batch, one SaveChanges, one commit. Any failure: again, one event at a time.
        var failures = await ApplyAsync(claimed, oneByOne: false, ct) ?? await ApplyAsync(claimed, oneByOne: true, ct);
        var applied = time.GetUtcNow().UtcDateTime;
        foreach (var c in claimed.Where(c => !failures!.ContainsKey(c.Id)))
            _lag.Record(Math.Max(0, (applied - c.ReceivedAt).TotalSeconds), new KeyValuePair<string, object?>("type", c.Type));
        foreach (var (id, error) in failures!) await RecordFailureAsync(claimed.Single(c => c.Id == id), error, ct);
        return claimed.Count;
    }

    /// <summary>
    /// Leases up to <paramref name="batch"/> due events, each the earliest pending one of its Stripe object (by Stripe's
    /// <c>created</c>, then arrival): a later event of an object waits while an earlier one is pending, unless that one
    /// waits itself for a fact still missing (<see cref="StripeEventRecord.Waiting"/>). The lease carries a value unique
    /// to this claim, so the rows this instance won are read back by it; another instance's concurrent claim skips them.
    /// </summary>
    private async Task<List<Claimed>> ClaimAsync(int batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var pending = StripeEventStatus.Pending;
        var ids = await db.StripeEvents.AsNoTracking()
            .Where(d => d.Status == pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now)
                        && (d.ObjectKey == null || !db.StripeEvents.Any(p => p.Status == pending && p.ObjectKey == d.ObjectKey && !p.Waiting
                            && (p.StripeCreatedAt < d.StripeCreatedAt
                                || (p.StripeCreatedAt == d.StripeCreatedAt && (p.ReceivedAt < d.ReceivedAt
                                    || (p.ReceivedAt == d.ReceivedAt && string.Compare(p.Id, d.Id) < 0)))))))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(batch).ToListAsync(ct);
        if (ids.Count == 0) return [];
        // Whole microseconds (what PostgreSQL keeps), so the value read back equals the one written.
        var leaseTicks = now.AddMinutes(2).Ticks / 10 * 10 + Random.Shared.Next(1, 10_000_000) * 10L;
        var lease = new DateTime(leaseTicks, DateTimeKind.Utc);
        await db.StripeEvents
            .Where(e => ids.Contains(e.Id) && e.Status == pending && (e.LockedUntil == null || e.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, lease), ct);
        return await db.StripeEvents.AsNoTracking().Where(e => ids.Contains(e.Id) && e.LockedUntil == lease)
            .OrderBy(e => e.StripeCreatedAt).ThenBy(e => e.ReceivedAt)
            .Select(e => new Claimed(e.Id, e.Type, e.Attempts, e.ReceivedAt)).ToListAsync(ct);
    }

    /// <summary>
    /// Applies the claimed events in one transaction. Quick path: all effects and "processed" marks in one SaveChanges;
    /// returns null when any event fails (nothing is kept). One by one: each event's effects are saved under its own
    /// savepoint (EF Core makes one per SaveChanges inside a transaction); a failing event's are discarded and it is
    /// returned with its error, the others commit.
    /// </summary>
    private async Task<Dictionary<string, Exception>?> ApplyAsync(List<Claimed> claimed, bool oneByOne, CancellationToken ct)
    {
        var failures = new Dictionary<string, Exception>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = claimed.Select(c => c.Id).ToList();
        // Tracked, so the handler's Find answers from the change tracker.
        var rows = oneByOne ? null : await db.StripeEvents.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var c in claimed)
        {
            if (oneByOne) db.ChangeTracker.Clear();
            var ev = rows?[c.Id] ?? await db.StripeEvents.SingleAsync(e => e.Id == c.Id, ct);
            try
            {
                await mediator.Send(new ApplyStripeEvent(ev.Id), ct);
                ev.Attempts = c.Attempts + 1;
                ev.Status = StripeEventStatus.Processed;
                ev.ProcessedAt = time.GetUtcNow().UtcDateTime;
                ev.LockedUntil = null;
                ev.LastError = null;
                ev.Waiting = false;
                if (oneByOne) await db.SaveChangesAsync(ct); // the effects, their outbox messages and "processed" together
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception e)
            {
                if (!oneByOne) return null;
                failures[c.Id] = e;
            }
        }
        if (!oneByOne)
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return null; } // e.g. a person changed one of the orders meanwhile: one by one finds which
        }
        await transaction.CommitAsync(ct);
        return failures;
    }

    private async Task RecordFailureAsync(Claimed c, Exception e, CancellationToken ct)
    {
        var id = c.Id;
        var attempts = c.Attempts + 1;
        var waiting = e is NotReadyException;
        var error = waiting ? $"waiting: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
        if (e is not NotReadyException and not DbUpdateConcurrencyException)
            logger.LogError(e, "Applying Stripe event {EventId} ({Type}) failed, attempt {Attempt}", id, c.Type, attempts);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var o = options.Value;
        var delay = TimeSpan.FromTicks(Math.Min(o.EventRetryMaxDelay.Ticks, o.EventRetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var gaveUp = attempts >= o.EventMaxAttempts;
        var at = time.GetUtcNow().UtcDateTime;
        await db.StripeEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.LastError, error.Length > 1900 ? error.Substring(0, 1900) : error)
            .SetProperty(e => e.NextAttemptAt, at + delay)
            .SetProperty(e => e.LockedUntil, (DateTime?)null)
            .SetProperty(e => e.Waiting, waiting)
            .SetProperty(e => e.Status, gaveUp ? StripeEventStatus.GaveUp : StripeEventStatus.Pending), ct);
        if (gaveUp) logger.LogError("Stripe event {EventId} set aside after {Attempts} attempts", id, attempts);
    }
}
