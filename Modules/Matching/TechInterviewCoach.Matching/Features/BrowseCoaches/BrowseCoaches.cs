namespace TechInterviewCoach.Matching.Features;

/// <summary>Anyone browses the directory of listed coaches, filtered by interview type, language and role, in pages.</summary>
internal sealed record BrowseCoaches(string? InterviewType, string? Language, string? Role, int Page = 1, int PageSize = 20) : IRequest<Paged<CoachCard>>;

internal sealed class BrowseCoachesHandler(MatchingDbContext db, MatchSnapshotCache cache, IMediator mediator, CoachCardCache cards) : IRequestHandler<BrowseCoaches, Paged<CoachCard>>
{
    public async Task<Paged<CoachCard>> Handle(BrowseCoaches request, CancellationToken ct)
    {
        var (page, size) = CoachCards.Clamp(request.Page, request.PageSize);
        var snapshot = await cache.GetAsync(db, ct);
        var type = QuizDefinition.FilterMask(QuizDefinition.InterviewTypes, request.InterviewType, "interviewType");
        var lang = QuizDefinition.FilterMask(QuizDefinition.Languages, request.Language, "language");
        var role = QuizDefinition.FilterMask(QuizDefinition.Roles, request.Role, "role");
        var matching = snapshot.Where(type, lang, role).ToList();
        var ids = matching.Skip((page - 1) * size).Take(size).Select(i => snapshot.Ids[i]).ToList();
        return new Paged<CoachCard>(await CoachCards.LoadAsync(db, mediator, ids, ct, cards, snapshot.Version), matching.Count, page, size);
    }
}

internal static class BrowseCoachesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coaches", async Task<Ok<Paged<CoachCard>>> (string? interviewType, string? language, string? role, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BrowseCoaches(interviewType, language, role, page ?? 1, pageSize ?? 20), ct)))
            .AllowAnonymous().WithSummary("The public directory of listed coaches, with filters and pagination.");
}
