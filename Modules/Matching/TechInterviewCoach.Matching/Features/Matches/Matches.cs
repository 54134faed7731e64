using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Matching.Features.Matches;

/// <summary>Ranked matches for the coachee's latest quiz. <see cref="MaxBudgetMinor"/> is in the quiz's budget currency.</summary>
internal sealed record GetMatches(Guid CoacheeId, string? InterviewType = null, long? MaxBudgetMinor = null, string? Language = null,
    double? MinOverlapHours = null, int Page = 1, int PageSize = 20) : IRequest<Paged<MatchResult>>;

/// <summary>A ranked coach: the score, the top reasons in plain words, and every component behind the score.</summary>
internal sealed record MatchResult(int Rank, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<ScoreComponent> Components, CoachCard Coach);

internal sealed class GetMatchesHandler(MatchingDbContext db, MatchSnapshotCache cache, CoachCardCache cardCache, IMediator mediator, TimeProvider time)
    : IRequestHandler<GetMatches, Paged<MatchResult>>
{
    public async Task<Paged<MatchResult>> Handle(GetMatches r, CancellationToken ct)
    {
        var (page, size) = CoachCards.Clamp(r.Page, r.PageSize);
        var quizJson = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == r.CoacheeId)
            .OrderByDescending(s => s.SubmittedAt).Select(s => s.AnswersJson).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("quiz_not_submitted", "Take the matching quiz first: matches come from your answers.");
        var now = time.GetUtcNow();
        var answers = MatchingJson.Read<QuizAnswers>(quizJson);
        var type = BrowseCoachesHandler.Filter(QuizDefinition.InterviewTypes, r.InterviewType, "interviewType");
        var lang = BrowseCoachesHandler.Filter(QuizDefinition.Languages, r.Language, "language");
        if (r.MaxBudgetMinor is < 0) throw new InputException("bad_filter", "maxBudget", "The budget filter cannot be negative.");
        var minHalf = r.MinOverlapHours is { } h ? (int)Math.Ceiling(h * 2) : 0;

        var snapshot = await cache.GetAsync(db, ct);
        var seeker = Scoring.Seeker(answers, snapshot, await CvReadingRows.FactsAsync(db, r.CoacheeId, ct));
        var (ranked, total) = Rank(snapshot, seeker, type, lang, minHalf, r.MaxBudgetMinor, page * size);
        var pageItems = ranked.Skip((page - 1) * size).ToList();

        var cards = (await CoachCards.LoadAsync(db, mediator, pageItems.Select(p => snapshot.Ids[Scoring.PositionOf(p)]).ToList(), ct, cardCache, snapshot.Version)).ToDictionary(c => c.CoachId);
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

    /// <summary>
    /// The best <paramref name="k"/> coaches passing the filters, best first, as <see cref="Scoring.Rank"/> numbers, and
    /// how many passed. One pass over the snapshot's arrays with a bounded min-heap whose root is the worst coach kept.
    /// </summary>
    internal static (List<long> Ranked, int Total) Rank(MatchSnapshot snapshot, SeekerFeatures seeker, int type, int lang, int minHalf, long? maxBudget, int k)
    {
        var heap = new PriorityQueue<int, long>(Math.Min(k, snapshot.Count) + 1);
        var worst = long.MinValue;
        var total = 0;
        var types = snapshot.Types;
        var languages = snapshot.Languages;
        for (var c = 0; c < types.Length; c++)
        {
            if ((types[c] & type) != type || (languages[c] & lang) != lang) continue;
            if (minHalf > 0 && snapshot.OverlapHalfHours(seeker.Slots, c) < minHalf) continue;
            if (maxBudget is { } max && (snapshot.MinPriceAt(c, seeker.CurrencyIndex) is not { } price || price > max)) continue;
            total++;
            var rank = Scoring.Rank(Scoring.Points(seeker, snapshot, c), c);
            if (heap.Count < k)
            {
                heap.Enqueue(c, rank);
                if (heap.Count == k) heap.TryPeek(out _, out worst);
            }
            else if (rank > worst)
            {
                heap.EnqueueDequeue(c, rank);
                heap.TryPeek(out _, out worst);
            }
        }
        var ranked = new List<long>(heap.Count);
        while (heap.TryDequeue(out _, out var rank)) ranked.Add(rank);
        ranked.Reverse();
        return (ranked, total);
    }
}

internal static class MatchEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/matches", async Task<Ok<Paged<MatchResult>>> (string? interviewType, long? maxBudget, string? language, double? minOverlapHours,
                int? page, int? pageSize, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMatches(user.GetUserId(), interviewType, maxBudget, language, minOverlapHours, page ?? 1, pageSize ?? 20), ct)))
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Listed coaches ranked for your latest quiz, with reasons. maxBudget is in minor units of your quiz's budget currency.");
}
