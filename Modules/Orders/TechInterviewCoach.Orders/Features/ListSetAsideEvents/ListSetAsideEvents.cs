using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;

namespace TechInterviewCoach.Orders.Features.Webhooks;

/// <summary>A stored Stripe event as an admin sees it (never its payload: it can hold customer details).</summary>
internal sealed record StoredEventRow(string Id, string Type, string Endpoint, string Status, int Attempts, DateTime ReceivedAt, DateTime? ProcessedAt, string? LastError);

/// <summary>The stored events set aside (after too many failures, or of another API version), newest first.</summary>
internal sealed record ListSetAsideEvents : IRequest<IReadOnlyList<StoredEventRow>>;

internal sealed class ListSetAsideEventsHandler(OrdersDbContext db) : IRequestHandler<ListSetAsideEvents, IReadOnlyList<StoredEventRow>>
{
    public async Task<IReadOnlyList<StoredEventRow>> Handle(ListSetAsideEvents request, CancellationToken ct) =>
        await db.StripeEvents.AsNoTracking().Where(e => e.Status == StripeEventStatus.GaveUp).OrderByDescending(e => e.ReceivedAt).Take(500)
            .Select(e => new StoredEventRow(e.Id, e.Type, e.Endpoint, "set_aside", e.Attempts, e.ReceivedAt, e.ProcessedAt, e.LastError))
            .ToListAsync(ct);
}

/// <summary>An admin sends a set-aside event back to the processor; it is applied like a new one.</summary>
internal sealed record RetryStoredEvent(string EventId, Guid AdminId) : IRequest<StoredEventRow>;

internal sealed class RetryStoredEventHandler(OrdersDbContext db, TimeProvider time, StripeEventSignal signal, ILogger<RetryStoredEventHandler> logger)
    : IRequestHandler<RetryStoredEvent, StoredEventRow>
{
    public async Task<StoredEventRow> Handle(RetryStoredEvent request, CancellationToken ct)
    {
        var ev = await db.StripeEvents.SingleOrDefaultAsync(e => e.Id == request.EventId, ct)
                 ?? throw new NotFoundException("event_not_found", "No stored Stripe event has this id.");
        if (ev.Status != StripeEventStatus.GaveUp)
            throw new ConflictException("event_not_set_aside", ev.Status == StripeEventStatus.Processed ? "This event was applied already." : "This event is still queued.");
        ev.Status = StripeEventStatus.Pending;
        ev.NextAttemptAt = time.GetUtcNow().UtcDateTime;
        ev.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Admin {AdminId} sent the set-aside Stripe event {EventId} ({Type}) back for processing", request.AdminId, ev.Id, ev.Type);
        signal.Notify();
        return new StoredEventRow(ev.Id, ev.Type, ev.Endpoint, "pending", ev.Attempts, ev.ReceivedAt, ev.ProcessedAt, ev.LastError);
    }
}
