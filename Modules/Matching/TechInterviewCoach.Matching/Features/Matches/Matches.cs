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
using TechInterviewCoach.SharedKernel.Outbound;

namespace TechInterviewCoach.Matching.Features.Matches;

/// <summary>Ranked matches for the coachee's latest quiz. <see cref="MaxBudgetMinor"/> is in the quiz's budget currency.</summary>
internal sealed record GetMatches(Guid CoacheeId, string? InterviewType = null, long? MaxBudgetMinor = null, string? Language = null,
    double? MinOverlapHours = null, int Page = 1, int PageSize = 20) : IRequest<Paged<MatchResult>>;

/// <summary>A ranked coach: the score, the top reasons in plain words, and every component behind the score.</summary>
internal sealed record MatchResult(int Rank, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<ScoreComponent> Components, CoachCard Coach);

internal sealed class GetMatchesHandler(MatchingDbContext db, MatchSnapshotCache cache, IMediator mediator, TimeProvider time)
    : IRequestHandler<GetMatches, Paged<MatchResult>>
{
    public async Task<Paged<MatchResult>> Handle(GetMatches r, CancellationToken ct)
    {
        var (page, size) = CoachCards.Clamp(r.Page, r.PageSize);
        var quizJson = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == r.CoacheeId)
            .OrderByDescending(s => s.SubmittedAt).Select(s => s.AnswersJson).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException("quiz_not_submitted", "Take the matching quiz first: matches come from your answers.");
        var now = time.GetUtcNow();
        var seeker = Scoring.Seeker(MatchingJson.Read<QuizAnswers>(quizJson), now.UtcDateTime);
        var type = BrowseCoachesHandler.Filter(QuizDefinition.InterviewTypes, r.InterviewType, "interviewType");
        var lang = BrowseCoachesHandler.Filter(QuizDefinition.Languages, r.Language, "language");
        if (r.MaxBudgetMinor is < 0) throw new InputException("bad_filter", "maxBudget", "The budget filter cannot be negative.");
        var minHalf = r.MinOverlapHours is { } h ? (int)Math.Ceiling(h * 2) : 0;

        var snapshot = await cache.GetAsync(db, ct);
        var k = page * size;
        // Bounded top-K: a heap whose root is the worst kept coach.
        var heap = new PriorityQueue<CoachFeatures, (int Score, Guid Id)>(k + 1, Comparer<(int Score, Guid Id)>.Create((a, b) => Scoring.Better(b, a)));
        var total = 0;
        foreach (var c in snapshot.Coaches)
        {
            if ((c.TypesMask & type) != type || (c.LanguagesMask & lang) != lang) continue;
            if (minHalf > 0 && seeker.Slots.OverlapHalfHours(c.Slots) < minHalf) continue;
            if (r.MaxBudgetMinor is { } max && (c.MinPriceIn(seeker.Currency) is not { } price || price > max)) continue;
            total++;
            var key = (Scoring.Score(seeker, c, null), c.CoachId);
            if (heap.Count < k) heap.Enqueue(c, key);
            else if (heap.TryPeek(out _, out var worst) && Scoring.Better(key, worst) < 0) heap.EnqueueDequeue(c, key);
        }
        var ranked = new List<(CoachFeatures C, (int Score, Guid Id) Key)>(heap.Count);
        while (heap.TryDequeue(out var c, out var key)) ranked.Add((c, key));
        ranked.Sort((a, b) => Scoring.Better(a.Key, b.Key));
        var pageItems = ranked.Skip((page - 1) * size).ToList();

        var cards = (await CoachCards.LoadAsync(db, mediator, pageItems.Select(p => p.C.CoachId).ToList(), ct)).ToDictionary(c => c.CoachId);
        var results = new List<MatchResult>();
        for (var i = 0; i < pageItems.Count; i++)
        {
            var (c, key) = pageItems[i];
            if (!cards.TryGetValue(c.CoachId, out var card)) continue;
            var components = new List<ScoreComponent>();
            Scoring.Score(seeker, c, components);
            var reasons = components.Where(x => x.Points > 0).OrderByDescending(x => x.Points).Take(5).Select(x => x.Reason).ToList();
            results.Add(new MatchResult((page - 1) * size + i + 1, key.Score, reasons, components, card));
        }
        if (page == 1)
        {
            db.Enqueue(new TrackEvent(r.CoacheeId, AnalyticsEvents.MatchesViewed, new Dictionary<string, string>
            {
                ["result_count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["filtered"] = (r.InterviewType ?? r.Language) is not null || r.MaxBudgetMinor is not null || r.MinOverlapHours is not null ? "true" : "false",
            }), now);
            await db.SaveChangesAsync(ct);
        }
        return new Paged<MatchResult>(results, total, page, size);
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
