namespace TechInterviewCoach.Orders.Features;

internal sealed record AdminPayoutRow(string Id, Guid CoachId, string CoachName, string Amount, string Status, DateTime? ArrivalDate, DateTime UpdatedAt, string? FailureMessage);
internal sealed record ListAllPayouts : IRequest<IReadOnlyList<AdminPayoutRow>>;

internal sealed class ListAllPayoutsHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<ListAllPayouts, IReadOnlyList<AdminPayoutRow>>
{
    public async Task<IReadOnlyList<AdminPayoutRow>> Handle(ListAllPayouts request, CancellationToken ct)
    {
        var rows = await db.Payouts.AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.Select(p => p.CoachId).Distinct().ToList(), ct);
        return rows.Select(p => new AdminPayoutRow(p.Id, p.CoachId, OrderNotifier.Name(names, p.CoachId), Currencies.Format(p.AmountMinor, p.Currency), p.Status,
            p.ArrivalDate, p.UpdatedAt, p.FailureMessage)).ToList();
    }
}

internal static class ListAllPayoutsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/admin/payouts", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListAllPayouts(), ct)))
            .RequireAuthorization(Policies.Admin);
}
