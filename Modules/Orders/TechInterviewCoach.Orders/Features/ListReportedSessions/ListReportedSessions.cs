namespace TechInterviewCoach.Orders.Features;

/// <summary>For admins: reported sessions (open ones first) and the latest reviews, each leading to the session's admin page.</summary>
internal sealed record ListReportedSessions(int Take = 50) : IRequest<ReportedSessions>;

internal sealed record ReportedSessionRow(Guid SessionId, Guid OrderId, DateTime At, string What, bool Open);

internal sealed record ReportedSessions(IReadOnlyList<ReportedSessionRow> Reports, IReadOnlyList<ReportedSessionRow> Reviews);

internal sealed class ListReportedSessionsHandler(OrdersDbContext db) : IRequestHandler<ListReportedSessions, ReportedSessions>
{
    public async Task<ReportedSessions> Handle(ListReportedSessions request, CancellationToken ct)
    {
        var take = Math.Clamp(request.Take, 1, 200);
        var reports = await db.Reports.AsNoTracking().OrderBy(r => r.Decision != null).ThenByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);
        return new ReportedSessions(
            reports.Select(r => new ReportedSessionRow(r.BookingId, r.OrderId, r.CreatedAt,
                $"{SessionReport.Label(r.Problem)} (reported by the {(r.ByCoach ? "coach" : "coachee")}){(r.Decision is null ? "" : r.Decision == ReportDecision.Refund ? ": refunded" : ": no refund")}",
                r.Decision is null)).ToList(),
            reviews.Select(r => new ReportedSessionRow(r.BookingId, r.OrderId, r.CreatedAt,
                $"{r.Rating} out of 5 by {r.AuthorName}{(r.HiddenAt is null ? "" : " (hidden)")}", false)).ToList());
    }
}

internal static class ListReportedSessionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/admin/sessions", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListReportedSessions(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Reported sessions (open first) and the latest reviews (admin).");
}
