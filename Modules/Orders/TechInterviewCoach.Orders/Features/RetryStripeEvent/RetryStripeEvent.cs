using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

/// <summary>An admin sends a set-aside event back to the processor; it is applied like a new one.</summary>
internal sealed record RetryStripeEvent(string EventId, Guid AdminId) : IRequest<StoredEventRow>;

internal sealed class RetryStripeEventHandler(OrdersDbContext db, TimeProvider time, StripeEventSignal signal, ILogger<RetryStripeEventHandler> logger)
    : IRequestHandler<RetryStripeEvent, StoredEventRow>
{
    public async Task<StoredEventRow> Handle(RetryStripeEvent request, CancellationToken ct)
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

internal static class RetryStripeEventEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/admin/events/{eventId}/retry", async (string eventId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RetryStripeEvent(eventId, user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
}
