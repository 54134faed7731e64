namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// The ranking has two paths: the fast one that scores every listed coach, and the explained one for the coaches
/// shown. They must never disagree, or a coach would rank by one score and show another.
/// </summary>
public sealed class ScoringTests
{
    private static readonly string[] Companies = ["Google", "Meta", "Amazon", "Stripe", "Netflix", "Shopify", "Zalando", "Adyen"];
    private static readonly string[] Skills = ["Go", "Kubernetes", "React", "Python", "Kafka", "PostgreSQL", "Swift", "Terraform", "PyTorch", "Java"];
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Sydney"];

    private static MatchSnapshot RandomSnapshot(Random rnd, int n)
    {
        var types = MatchSnapshot.TypeCount;
        var monday = WeekSlots.ReferenceMondayUtc(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new int[n + 1];
        var ids = new List<int>();
        var names = new List<string>();
        var bloom = new ulong[n];
        var slots = new ulong[n * MatchSnapshot.SlotWords];
        var coached = new int[n * types];
        var median = new float[n];
        var overdue = new int[n];
        var ratingAverage = new float[n];
        var ratingCount = new int[n];
        for (var i = 0; i < n; i++)
        {
            start[i] = ids.Count;
            foreach (var company in Companies.OrderBy(_ => rnd.Next()).Take(rnd.Next(4)))
            {
                var key = Scoring.CompanyKey(company);
                if (!index.TryGetValue(key, out var id)) index[key] = id = index.Count;
                ids.Add(id); names.Add(company); bloom[i] |= 1UL << (id & 63);
            }
            var day = (DayOfWeek)rnd.Next(7);
            var from = rnd.Next(0, 20);
            MatchSnapshot.SetSlots(slots, n, i,
                WeekSlots.From(rnd.Next(5) == 0 ? [] : [new WeeklyWindow(day, new TimeOnly(from, 0), new TimeOnly(from + rnd.Next(1, 4), 30))], Zones[rnd.Next(Zones.Length)], monday));
            for (var t = 0; t < types; t++) coached[i * types + t] = rnd.Next(3) == 0 ? rnd.Next(80) : 0;
            median[i] = rnd.Next(4) == 0 ? float.NaN : rnd.Next(3000);
            overdue[i] = rnd.Next(6) == 0 ? rnd.Next(1, 7) : 0;
            ratingCount[i] = rnd.Next(3) == 0 ? 0 : rnd.Next(1, 40);
            ratingAverage[i] = ratingCount[i] == 0 ? 0 : (float)Math.Round(1 + 4 * rnd.NextDouble(), 2);
        }
        start[n] = ids.Count;
        var skillStart = new int[n + 1];
        var skillIds = new List<short>();
        for (var i = 0; i < n; i++)
        {
            skillStart[i] = skillIds.Count;
            foreach (var skill in Skills.OrderBy(_ => rnd.Next()).Take(rnd.Next(5))) skillIds.Add((short)Vocabulary.Skills.Find(skill)!.Id);
        }
        skillStart[n] = skillIds.Count;
        // Companies interviewed for: some the coach also worked at, some known only from an interview ("Adyen" may be new to the index).
        var interviewedStart = new int[n + 1];
        var interviewedIds = new List<int>();
        var interviewedNames = new List<string>();
        var interviewedBloom = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            interviewedStart[i] = interviewedIds.Count;
            foreach (var company in Companies.OrderBy(_ => rnd.Next()).Take(rnd.Next(3)))
            {
                var key = Scoring.CompanyKey(company);
                if (!index.TryGetValue(key, out var id)) index[key] = id = index.Count;
                interviewedIds.Add(id); interviewedNames.Add(company); interviewedBloom[i] |= 1UL << (id & 63);
            }
        }
        interviewedStart[n] = interviewedIds.Count;
        string[] currencies = ["EUR", "USD"];
        return new MatchSnapshot
        {
            Version = 1, BuiltAt = monday, Ids = Enumerable.Range(0, n).Select(_ => Guid.NewGuid()).Order().ToArray(),
            Roles = Enumerable.Range(0, n).Select(_ => rnd.Next(1 << QuizDefinition.Roles.Count)).ToArray(),
            Types = Enumerable.Range(0, n).Select(_ => rnd.Next(1 << types)).ToArray(),
            Languages = Enumerable.Range(0, n).Select(_ => (long)rnd.Next(1 << 6)).ToArray(),
            Slots = slots, Coached = coached, CoachedBonus = coached.Select(c => (byte)Scoring.CoachedBonus(c)).ToArray(),
            CoachPoints = Enumerable.Range(0, n).Select(i => Scoring.CoachPoints(median[i], overdue[i])).ToArray(),
            RatingAverage = ratingAverage, RatingCount = ratingCount,
            RatingPoints = Enumerable.Range(0, n).Select(i => Scoring.ReviewPoints(ratingAverage[i], ratingCount[i])).ToArray(),
            Years = Enumerable.Range(0, n).Select(_ => rnd.Next(25)).ToArray(), MedianReply = median, Overdue = overdue,
            CompanyStart = start, CompanyIds = ids.ToArray(), CompanyNames = names.ToArray(), CompanyBloom = bloom, CompanyIndex = index,
            InterviewedStart = interviewedStart, InterviewedIds = interviewedIds.ToArray(), InterviewedNames = interviewedNames.ToArray(), InterviewedBloom = interviewedBloom,
            Currencies = currencies, SkillStart = skillStart, SkillIds = skillIds.ToArray(), SearchText = new string[n],
            MinPrice = Enumerable.Range(0, n * currencies.Length).Select(_ => rnd.Next(3) == 0 ? -1L : 1000L * rnd.Next(1, 30)).ToArray(),
        };
    }

    /// <summary>What a CV said (or nothing, a third of the time): skills, employers (some also quiz targets), a seniority.</summary>
    private static CvFacts? RandomCv(Random rnd) => rnd.Next(3) == 0 ? null : new CvFacts
    {
        Skills = Skills.Concat(["COBOL"]).Where(_ => rnd.Next(3) == 0).ToList(),
        Employers = Companies.Concat(["Nowhere GmbH"]).Where(_ => rnd.Next(4) == 0).ToList(),
        Seniority = new[] { "junior", "senior", "staff", null }[rnd.Next(4)],
    };

    private static QuizAnswers RandomQuiz(Random rnd) => new()
    {
        TargetRoles = QuizDefinition.Roles.Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
        Seniority = new[] { "junior", "mid", "senior", "staff", "principal", "manager", null }[rnd.Next(7)],
        TargetCompanies = Companies.Concat(["Unknown Ltd"]).Where(_ => rnd.Next(3) == 0).ToList(),
        InterviewTypes = QuizDefinition.InterviewTypes.Where(_ => rnd.Next(2) == 0).Select(o => o.Code).ToList(),
        Languages = QuizDefinition.Languages.Take(6).Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
        TimeZone = Zones[rnd.Next(Zones.Length)],
        BudgetMinor = rnd.Next(4) == 0 ? null : 1000L * rnd.Next(1, 30),
        BudgetCurrency = new[] { "EUR", "USD", "GBP" }[rnd.Next(3)],
        Availability = rnd.Next(4) == 0 ? [] : [new WeeklyWindow((DayOfWeek)rnd.Next(7), new TimeOnly(18, 0), new TimeOnly(21, 0))],
    };

    [Fact]
    public void The_fast_score_equals_the_explained_score_and_the_sum_of_its_reasons()
    {
        var fromCv = 0;
        var interviewed = 0;
        var rnd = new Random(20261122);
        for (var round = 0; round < 20; round++)
        {
            var snapshot = RandomSnapshot(rnd, 500);
            var seeker = Scoring.Seeker(RandomQuiz(rnd), snapshot, RandomCv(rnd));
            for (var c = 0; c < snapshot.Count; c++)
            {
                var components = new List<ScoreComponent>();
                var explained = Scoring.Score(seeker, snapshot, c, components);
                Scoring.Points(seeker, snapshot, c).ShouldBe(explained, $"round {round}, coach {c}");
                components.Sum(x => x.Points).ShouldBe(explained);
                fromCv += components.Count(x => x.Factor is "cv_skills" or "cv_employers");
                interviewed += components.Count(x => x.Factor is "interviewed_for");
            }
        }
        fromCv.ShouldBeGreaterThan(0); // the CV's factors were exercised
        interviewed.ShouldBeGreaterThan(0); // and the companies interviewed for
    }

    [Fact]
    public void Few_reviews_weigh_little_and_under_three_give_no_points_and_no_reason()
    {
        Scoring.ReviewPoints(5.0, 2).ShouldBe(0);
        Scoring.ReviewPoints(5.0, 3).ShouldBeLessThan(Scoring.ReviewPoints(5.0, 30), "three perfect ratings count less than thirty");
        Scoring.ReviewPoints(4.8, 12).ShouldBe(6);
        Scoring.ReviewPoints(1.0, 50).ShouldBe(-RankingWeights.MaxReviewPoints);
        Scoring.ReviewReason(4.8, 12).ShouldBe("Rated 4.8 by 12 coachees");
    }

    [Fact]
    public void Ranking_returns_the_best_coaches_by_score_then_id_and_counts_those_passing_the_filters()
    {
        var rnd = new Random(7);
        var snapshot = RandomSnapshot(rnd, 2000);
        var seeker = Scoring.Seeker(RandomQuiz(rnd), snapshot, RandomCv(rnd));
        var expected = Enumerable.Range(0, snapshot.Count)
            .Select(c => (Score: Scoring.Score(seeker, snapshot, c, null), Id: snapshot.Ids[c]))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id).Take(60).ToList();

        var (ranked, total) = Scoring.Top(snapshot, seeker, type: 0, lang: 0, minHalf: 0, maxBudget: null, k: 60);

        total.ShouldBe(snapshot.Count);
        ranked.Select(r => (Scoring.ScoreOf(r), snapshot.Ids[Scoring.PositionOf(r)])).ShouldBe(expected);

        var coding = 1 << QuizDefinition.IndexOf(QuizDefinition.InterviewTypes, "coding");
        var (filtered, filteredTotal) = Scoring.Top(snapshot, seeker, type: coding, lang: 0, minHalf: 2, maxBudget: 15000, k: 20);
        var passing = Enumerable.Range(0, snapshot.Count).Where(c => (snapshot.Types[c] & coding) != 0 && snapshot.OverlapHalfHours(seeker.Slots, c) >= 2
            && snapshot.MinPriceAt(c, seeker.CurrencyIndex) is { } p && p <= 15000).ToList();
        filteredTotal.ShouldBe(passing.Count);
        filtered.Select(Scoring.PositionOf).ShouldAllBe(c => passing.Contains(c));
    }
}
