namespace TechInterviewCoach.Matching.Features;

/// <summary>Who has seen the coachee's quiz or CV, and when (UTC), newest first.</summary>
internal sealed record ListDataAccess(Guid CoacheeId) : IRequest<IReadOnlyList<AccessLogItem>>;

internal sealed record AccessLogItem(Guid CoachId, string CoachName, string What, DateTime At);

internal sealed class ListDataAccessHandler(MatchingDbContext db, IMediator mediator) : IRequestHandler<ListDataAccess, IReadOnlyList<AccessLogItem>>
{
    public async Task<IReadOnlyList<AccessLogItem>> Handle(ListDataAccess r, CancellationToken ct)
    {
        var log = await db.AccessLog.AsNoTracking().Where(a => a.CoacheeId == r.CoacheeId).OrderByDescending(a => a.At).Take(500).ToListAsync(ct);
        var names = log.Count == 0 ? new Dictionary<Guid, UserSummary>() : await mediator.Send(new GetUserSummaries(log.Select(a => a.CoachId).Distinct().ToList()), ct);
        return log.Select(a => new AccessLogItem(a.CoachId, names.TryGetValue(a.CoachId, out var n) ? n.DisplayName : "Deleted user", a.What, a.At)).ToList();
    }
}

internal static class ListDataAccessEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-data-access", async Task<Ok<IReadOnlyList<AccessLogItem>>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListDataAccess(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithSummary("Who has seen your quiz or CV, and when (UTC).");
}
