namespace TechInterviewCoach.Orders.Features;

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

internal static class ListSetAsideEventsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/admin/events", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSetAsideEvents(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Stored Stripe events set aside (repeated failures, or another API version), with the reason.");
}
