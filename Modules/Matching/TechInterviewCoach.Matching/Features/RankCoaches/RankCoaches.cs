namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// A coachee's listed coaches ranked for their latest quiz, with filters; null when they have not submitted the quiz.
/// <see cref="MaxBudgetMinor"/> is in the quiz's budget currency.
/// </summary>
internal sealed record RankCoaches(Guid CoacheeId, string? InterviewType = null, long? MaxBudgetMinor = null, string? Language = null,
    double? MinOverlapHours = null, int Page = 1, int PageSize = 20) : IRequest<Paged<MatchResult>?>;

/// <summary>A ranked coach: the score, the top reasons in plain words, and every component behind the score.</summary>
internal sealed record MatchResult(int Rank, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<ScoreComponent> Components, CoachCard Coach);

internal sealed class RankCoachesHandler(MatchingDbContext db, MatchSnapshotCache cache, CoachCardCache cardCache, IMediator mediator, TimeProvider time)
    : IRequestHandler<RankCoaches, Paged<MatchResult>?>
{
    public async Task<Paged<MatchResult>?> Handle(RankCoaches r, CancellationToken ct)
    {
        var (page, size) = CoachCards.Clamp(r.Page, r.PageSize);
        var quizJson = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == r.CoacheeId)
            .OrderByDescending(s => s.SubmittedAt).Select(s => s.AnswersJson).FirstOrDefaultAsync(ct);
        if (quizJson is null) return null;
        var now = time.GetUtcNow();
        var answers = MatchingJson.Read<QuizAnswers>(quizJson);
        var type = QuizDefinition.FilterMask(QuizDefinition.InterviewTypes, r.InterviewType, "interviewType");
        var lang = QuizDefinition.FilterMask(QuizDefinition.Languages, r.Language, "language");
        if (r.MaxBudgetMinor is < 0) throw new InputException("bad_filter", "maxBudget", "The budget filter cannot be negative.");
        var minHalf = r.MinOverlapHours is { } h ? (int)Math.Ceiling(h * 2) : 0;

        var snapshot = await cache.GetAsync(db, ct);
        var seeker = Scoring.Seeker(answers, snapshot, await CvReadingRows.FactsAsync(db, r.CoacheeId, ct));
        var (ranked, total) = Scoring.Top(snapshot, seeker, type, lang, minHalf, r.MaxBudgetMinor, page * size);
        var pageItems = ranked.Skip((page - 1) * size).ToList();

        var cards = (await CoachCards.LoadAsync(db, mediator, pageItems.Select(p => snapshot.Ids[Scoring.PositionOf(p)]).ToList(), ct, cardCache, snapshot)).ToDictionary(c => c.CoachId);
        var results = new List<MatchResult>();
        for (var i = 0; i < pageItems.Count; i++)
        {
            var position = Scoring.PositionOf(pageItems[i]);
            if (!cards.TryGetValue(snapshot.Ids[position], out var card)) continue;
            var components = new List<ScoreComponent>();
            var score = Scoring.Score(seeker, snapshot, position, components);
            var reasons = components.Where(x => x.Points > 0).OrderByDescending(x => x.Points).Take(5).Select(x => x.Reason).ToList();
            results.Add(new MatchResult((page - 1) * size + i + 1, score, reasons, components, card));
        }
        if (page == 1)
        {
            db.Enqueue(new TrackEvent(r.CoacheeId, AnalyticsEvents.MatchesViewed, new Dictionary<string, string>
            {
                ["count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["source"] = (r.InterviewType ?? r.Language) is not null || r.MaxBudgetMinor is not null || r.MinOverlapHours is not null ? "filtered" : "matches",
            }), now);
            await db.SaveChangesAsync(ct);
        }
        return new Paged<MatchResult>(results, total, page, size);
    }
}

internal static class RankCoachesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/matches", async Task<Ok<Paged<MatchResult>>> (string? interviewType, long? maxBudget, string? language, double? minOverlapHours,
                int? page, int? pageSize, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RankCoaches(user.GetUserId(), interviewType, maxBudget, language, minOverlapHours, page ?? 1, pageSize ?? 20), ct)
                    ?? throw new ConflictException("quiz_not_submitted", "Take the matching quiz first: matches come from your answers.")))
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Listed coaches ranked for your latest quiz, with reasons. maxBudget is in minor units of your quiz's budget currency.");
}
