using System.Security.Cryptography;
using Xunit.Abstractions;

namespace TechInterviewCoach.Matching.Tests.Quality;

/// <summary>
/// How good the ranking is, measured: NDCG@10 of the real ranking over the labelled set beside this file (README.md
/// says how it was labelled). The coaches are stored as the app stores them, the snapshot is built by the app, and each
/// coachee is ranked by the same code as GET /api/matching/matches.
/// </summary>
public sealed class MatchQualityTests(MatchingApp app, ITestOutputHelper output) : IClassFixture<MatchingApp>
{
    /// <summary>Just under the figure measured with the CV signals (README.md has the figures before and after).</summary>
    public const double Floor = 0.78;

    [Fact]
    public async Task The_ranking_puts_first_the_coaches_a_careful_person_would_put_first()
    {
        var set = LabelledSet.Load();
        var ndcg = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MatchingDbContext>();
            var now = DateTime.UtcNow;
            foreach (var c in set.Coaches)
            {
                var id = LabelledSet.IdOf(c.Key);
                db.CoachProfiles.Add(new CoachProfile
                {
                    CoachId = id, Headline = c.Key, YearsOfExperience = c.Years, TimeZone = c.TimeZone, IsPublished = true, IsListed = true, UpdatedAt = now,
                    DetailsJson = JsonSerializer.Serialize(new
                    {
                        companies = c.Companies, roles = c.Roles, interviewTypes = c.InterviewTypes, coachedCounts = c.CoachedCounts,
                        languages = c.Languages, availability = c.Availability, skills = c.Skills,
                    }, MatchingJson.Options),
                });
                db.CoachStatuses.Add(new CoachStatus { CoachId = id, PayoutsEnabled = true, MedianFirstReplyMinutes = c.MedianReplyMinutes, UpdatedAt = now });
                db.Listings.Add(new Listing
                {
                    Id = Guid.CreateVersion7(), CoachId = id, Title = "Mock interview", Kind = Contracts.ListingKind.Single, Sessions = 1, SessionMinutes = 60,
                    PriceMinor = c.PriceMinor, Currency = "USD", IsPublished = true, CreatedAt = now, UpdatedAt = now,
                });
            }
            await db.SaveAndBumpAsync(default);
            var snapshot = await sp.GetRequiredService<MatchSnapshotCache>().GetAsync(db, default);
            snapshot.Count.ShouldBe(set.Coaches.Count);
            var keys = set.Coaches.ToDictionary(c => LabelledSet.IdOf(c.Key), c => c.Key);

            var total = 0.0;
            var counted = 0;
            foreach (var person in set.Coachees)
            {
                var cv = new CvFacts
                {
                    Skills = person.Cv.Skills, Employers = person.Cv.Employers, YearsOfExperience = person.Cv.Years, Title = person.Cv.Title, Seniority = person.Cv.Seniority,
                };
                var seeker = Scoring.Seeker(person.Quiz, snapshot, cv);
                var (ranked, _) = Scoring.Top(snapshot, seeker, 0, 0, 0, null, 10);
                var gains = ranked.Select(r => person.Relevance.GetValueOrDefault(keys[snapshot.Ids[Scoring.PositionOf(r)]])).ToList();
                var ideal = person.Relevance.Values.OrderDescending().Take(10).ToList();
                if (ideal.Count == 0) continue;
                total += Dcg(gains) / Dcg(ideal);
                counted++;
            }
            return total / counted;
        });
        output.WriteLine($"NDCG@10 = {ndcg:0.0000} over {set.Coachees.Count} coachees and {set.Coaches.Count} coaches");
        ndcg.ShouldBeGreaterThanOrEqualTo(Floor);
    }

    /// <summary>Discounted cumulative gain with the usual exponential gain: (2^grade − 1) / log2(position + 1).</summary>
    private static double Dcg(IReadOnlyList<int> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}

internal sealed record LabelledSet(List<LabelledSet.Coach> Coaches, List<LabelledSet.Coachee> Coachees)
{
    internal sealed record Coach(string Key, List<string> Roles, List<string> InterviewTypes, Dictionary<string, int> CoachedCounts, List<string> Languages,
        string TimeZone, List<Contracts.WeeklyWindow> Availability, int Years, List<string> Companies, List<string> Skills, long PriceMinor, double? MedianReplyMinutes);

    internal sealed record CvPart(List<string> Skills, List<string> Employers, int? Years, string? Title, string? Seniority);

    internal sealed record Coachee(string Key, QuizAnswers Quiz, CvPart Cv, Dictionary<string, int> Relevance);

    public static LabelledSet Load() =>
        JsonSerializer.Deserialize<LabelledSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Quality", "labelled-set.json")), MatchingJson.Options)!;

    /// <summary>A stable id per key, so ties break the same way on every run.</summary>
    public static Guid IdOf(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes(key)));
}
