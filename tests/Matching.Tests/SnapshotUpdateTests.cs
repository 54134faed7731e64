namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// A snapshot updated coach by coach (<see cref="MatchSnapshot.With"/>) holds exactly what a full build of the same coaches
/// holds, and ranks them the same, after any sequence of edits, new coaches and delisted coaches (decision 0023).
/// </summary>
public sealed class SnapshotUpdateTests
{
    private static readonly string[] Companies = ["Google", "Meta", "Stripe", "Netflix", "Shopify", "Adyen", "Acme Robotics", "Zalando"];
    /// <summary>A company coaches only ever interviewed for (never worked at): its id comes from the interviewed-for list alone.</summary>
    private const string InterviewedOnly = "Tiny Startup GmbH";
    private static readonly string[] Skills = ["Go", "Kubernetes", "React", "Python", "Kafka", "PostgreSQL"];
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"];
    private static readonly DateTime Monday = WeekSlots.ReferenceMondayUtc(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));

    private static CoachRow RandomRow(Random rnd, Guid id, int companies)
    {
        var details = new CoachDetails
        {
            Companies = Companies.Take(companies).OrderBy(_ => rnd.Next()).Take(rnd.Next(4)).ToList(),
            InterviewedFor = Companies.Take(companies).Concat(companies == Companies.Length ? [InterviewedOnly] : [])
                .OrderBy(_ => rnd.Next()).Take(rnd.Next(3)).ToList(),
            Skills = Skills.OrderBy(_ => rnd.Next()).Take(rnd.Next(4)).ToList(),
            Roles = QuizDefinition.Roles.Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
            InterviewTypes = QuizDefinition.InterviewTypes.Where(_ => rnd.Next(2) == 0).Select(o => o.Code).ToList(),
            CoachedCounts = new Dictionary<string, int> { [QuizDefinition.InterviewTypes[rnd.Next(3)].Code] = rnd.Next(80) },
            Languages = QuizDefinition.Languages.Take(6).Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
            Availability = [new WeeklyWindow((DayOfWeek)rnd.Next(7), new TimeOnly(rnd.Next(6, 12), 0), new TimeOnly(rnd.Next(13, 22), 30))],
        };
        var listings = Enumerable.Range(0, rnd.Next(1, 3)).Select(_ => (rnd.Next(2) == 0 ? "USD" : "EUR", 1000L * rnd.Next(1, 40), rnd.Next(1, 4))).ToList();
        return CoachRow.From(id, $"Coach {rnd.Next(1000)}", $"Headline {rnd.Next(1000)}", rnd.Next(25), Zones[rnd.Next(Zones.Length)], details,
            rnd.Next(4) == 0 ? null : rnd.Next(3000), rnd.Next(5) == 0 ? rnd.Next(1, 5) : 0, Math.Round(1 + 4 * rnd.NextDouble(), 2), rnd.Next(3) == 0 ? 0 : rnd.Next(1, 40),
            listings, Monday);
    }

    private static QuizAnswers RandomQuiz(Random rnd) => new()
    {
        TargetRoles = QuizDefinition.Roles.Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
        Seniority = new[] { "junior", "senior", "staff", null }[rnd.Next(4)],
        TargetCompanies = Companies.Concat([InterviewedOnly]).Where(_ => rnd.Next(3) == 0).ToList(),
        InterviewTypes = QuizDefinition.InterviewTypes.Where(_ => rnd.Next(2) == 0).Select(o => o.Code).ToList(),
        Languages = QuizDefinition.Languages.Take(6).Where(_ => rnd.Next(3) == 0).Select(o => o.Code).ToList(),
        TimeZone = Zones[rnd.Next(Zones.Length)],
        BudgetMinor = rnd.Next(4) == 0 ? null : 1000L * rnd.Next(1, 30),
        BudgetCurrency = rnd.Next(2) == 0 ? "USD" : "EUR",
        Availability = [new WeeklyWindow((DayOfWeek)rnd.Next(7), new TimeOnly(18, 0), new TimeOnly(21, 0))],
    };

    [Fact]
    public void Updating_changed_coaches_gives_the_snapshot_and_ranking_of_a_full_build()
    {
        var rnd = new Random(17);
        var rows = new Dictionary<Guid, CoachRow>();
        // The first coaches name only some companies: later edits bring company names the snapshot has not seen.
        for (var i = 0; i < 300; i++) { var id = Guid.NewGuid(); rows[id] = RandomRow(rnd, id, 4); }
        var snapshot = MatchSnapshot.Build(1, Monday, rows.Values.ToList());
        for (var version = 2; version < 60; version++)
        {
            var changes = new Dictionary<Guid, CoachRow?>();
            for (var k = rnd.Next(1, 12); k > 0; k--)
            {
                var existing = rows.Keys.ElementAt(rnd.Next(rows.Count));
                switch (rnd.Next(4))
                {
                    case 0: // a new coach listed
                        var id = Guid.NewGuid();
                        changes[id] = rows[id] = RandomRow(rnd, id, Companies.Length);
                        break;
                    case 1: // delisted
                        rows.Remove(existing);
                        changes[existing] = null;
                        break;
                    default: // edited: profile, listing, rating, responsiveness
                        changes[existing] = rows[existing] = RandomRow(rnd, existing, Companies.Length);
                        break;
                }
            }
            // A coach logged as changed who was never listed (a profile saved without a listing).
            changes.TryAdd(Guid.NewGuid(), null);
            snapshot = snapshot.With(version, changes).ShouldNotBeNull();

            if (version % 10 != 0) continue;
            var built = MatchSnapshot.Build(version, Monday, rows.Values.ToList());
            Describe(snapshot).ShouldBe(Describe(built), $"version {version}");
            for (var q = 0; q < 5; q++)
            {
                var quiz = RandomQuiz(rnd);
                Ranking(snapshot, quiz).ShouldBe(Ranking(built, quiz), $"version {version}, quiz {q}");
            }
        }
    }

    [Fact]
    public void A_change_in_a_currency_no_coach_used_asks_for_a_full_build()
    {
        var rnd = new Random(3);
        var id = Guid.NewGuid();
        var snapshot = MatchSnapshot.Build(1, Monday, [RandomRow(rnd, id, 4) with { MinPrice = new Dictionary<string, long> { ["USD"] = 5000 } }]);
        snapshot.With(2, new Dictionary<Guid, CoachRow?> { [id] = RandomRow(rnd, id, 4) with { MinPrice = new Dictionary<string, long> { ["GBP"] = 5000 } } })
            .ShouldBeNull();
    }

    private static List<string> Ranking(MatchSnapshot m, QuizAnswers quiz)
    {
        var seeker = Scoring.Seeker(quiz, m);
        var (ranked, total) = Scoring.Top(m, seeker, 0, 0, 0, null, 25);
        return [$"total {total}", .. ranked.Select(r => $"{m.Ids[Scoring.PositionOf(r)]} {Scoring.ScoreOf(r)}")];
    }

    /// <summary>
    /// Everything the snapshot holds per coach, by company name rather than by the snapshot's own company ids, and prices
    /// by currency code (an updated snapshot keeps a column for a currency no coach prices in any more).
    /// </summary>
    internal static List<string> Describe(MatchSnapshot m) => Enumerable.Range(0, m.Count).Select(i => string.Join(" | ",
        m.Ids[i], m.Roles[i], m.Types[i], m.Languages[i], string.Join(",", Enumerable.Range(0, MatchSnapshot.SlotWords).Select(w => m.Slots[w * m.Count + i])),
        string.Join(",", m.Coached.Skip(i * MatchSnapshot.TypeCount).Take(MatchSnapshot.TypeCount)),
        string.Join(",", m.CoachedBonus.Skip(i * MatchSnapshot.TypeCount).Take(MatchSnapshot.TypeCount)), m.CoachPoints[i], m.Years[i], m.MedianReply[i],
        m.Overdue[i], m.RatingAverage[i], m.RatingCount[i], m.RatingPoints[i], string.Join(",", m.CompanyNames[m.CompanyStart[i]..m.CompanyStart[i + 1]]),
        string.Join(",", m.CompanyIds[m.CompanyStart[i]..m.CompanyStart[i + 1]].Select(id => m.CompanyIndex.Single(kv => kv.Value == id).Key)),
        string.Join(",", m.InterviewedNames[m.InterviewedStart[i]..m.InterviewedStart[i + 1]]),
        string.Join(",", m.InterviewedIds[m.InterviewedStart[i]..m.InterviewedStart[i + 1]].Select(id => m.CompanyIndex.Single(kv => kv.Value == id).Key)),
        // The blooms are in the snapshot's own ids: only whether each covers its coach's list is comparable.
        m.CompanyIds[m.CompanyStart[i]..m.CompanyStart[i + 1]].All(id => (m.CompanyBloom[i] & (1UL << (id & 63))) != 0),
        m.InterviewedIds[m.InterviewedStart[i]..m.InterviewedStart[i + 1]].All(id => (m.InterviewedBloom[i] & (1UL << (id & 63))) != 0),
        string.Join(",", m.SkillIds[m.SkillStart[i]..m.SkillStart[i + 1]]), m.SearchText[i],
        string.Join(",", m.Currencies.Select((c, k) => (c, Price: m.MinPriceAt(i, k))).Where(x => x.Price is not null).Select(x => $"{x.c}={x.Price}")))).ToList();
}
