namespace TechInterviewCoach.Orders.Features;

internal sealed record DisputeRow(Guid OrderId, string DisputeId, string? Reason, string Amount, DateTime? EvidenceDueBy, string? Status, bool Open, string CoachName, string CoacheeName);
internal sealed record ListDisputes : IRequest<IReadOnlyList<DisputeRow>>;

internal sealed class ListDisputesHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<ListDisputes, IReadOnlyList<DisputeRow>>
{
    public async Task<IReadOnlyList<DisputeRow>> Handle(ListDisputes request, CancellationToken ct)
    {
        var rows = await db.Orders.AsNoTracking().Where(o => o.DisputeId != null).OrderByDescending(o => o.UpdatedAt).Take(500).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.SelectMany(o => new[] { o.CoachId, o.CoacheeId }).Distinct().ToList(), ct);
        return rows.Select(o => new DisputeRow(o.Id, o.DisputeId!, o.DisputeReason, Currencies.Format(o.DisputeAmountMinor ?? 0, o.Currency), o.DisputeEvidenceDueBy,
            o.DisputeStatus, o.DisputeClosedAt is null, OrderNotifier.Name(names, o.CoachId), OrderNotifier.Name(names, o.CoacheeId))).ToList();
    }
}

internal static class ListDisputesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/admin/disputes", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDisputes(), ct)))
            .RequireAuthorization(Policies.Admin);
}
