namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>
/// Development demo data: a realistic profile and 1–3 published listings for each demo coach. They become listed
/// when Orders reports their payouts enabled. The demo coachee gets no quiz: taking it is the first thing to try.
/// </summary>
internal sealed class DemoUsersCreatedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<DemoUsersCreated>
{
    private static readonly string[] Companies = ["Google", "Meta", "Amazon", "Microsoft", "Apple", "Netflix", "Stripe", "Spotify", "Zalando", "Booking.com", "Uber", "Airbnb", "Shopify", "Datadog", "SAP", "Revolut", "Atlassian", "Adyen"];
    private static readonly string[][] RoleSets = [["backend", "fullstack"], ["frontend", "fullstack"], ["mobile"], ["data", "ml"], ["ml"], ["sre", "backend"], ["security"], ["em", "backend"], ["backend"], ["frontend"], ["data"], ["em"]];
    private static readonly string[][] TypeSets =
    [
        ["coding", "system_design"], ["coding", "behavioural"], ["system_design", "behavioural", "negotiation"], ["ml_design", "coding"],
        ["take_home", "coding"], ["cv_review", "behavioural"], ["system_design"], ["behavioural", "negotiation", "cv_review"],
    ];
    private static readonly string[][] LanguageSets = [["en", "de"], ["en"], ["en", "es"], ["en", "hi"], ["en"], ["en", "zh"], ["en"], ["en", "pt"], ["en", "pl"], ["en", "fr"], ["en", "ja"], ["en"]];
    /// <summary>Skills the demo coaches coach, by role set (vocabulary names), so an uploaded CV changes the demo matches.</summary>
    private static readonly string[][] SkillSets =
    [
        ["Go", "Kubernetes", "PostgreSQL"], ["React", "TypeScript", "Node.js"], ["Swift", "Kotlin", "iOS"], ["Python", "Apache Spark", "SQL"],
        ["PyTorch", "Machine learning", "Python"], ["Kubernetes", "Terraform", "AWS"], ["Application security", "Cryptography"], ["People management", "Java"],
        ["Java", "Spring", "Kafka"], ["Vue.js", "CSS", "JavaScript"], ["Airflow", "Snowflake", "dbt"], ["Technical leadership", "Hiring"],
    ];
    private static readonly string[] Currencies3 = ["USD", "EUR", "GBP"];
    private static readonly string[] Headlines =
    [
        "Staff engineer who has run 300+ interview loops", "Hiring manager turned coach", "Former bar raiser: structured, honest feedback",
        "Senior engineer: coding rounds without the panic", "ML lead: from notebooks to ML system design", "SRE: reliability and system design interviews",
    ];

    public async Task Handle(DemoUsersCreated n, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var u in n.Users.Where(u => u.Role == Roles.Coach))
        {
            if (await db.CoachProfiles.AnyAsync(p => p.CoachId == u.Id, ct)) continue;
            var i = u.Index;
            var types = TypeSets[i % TypeSets.Length].ToList();
            var startHour = 7 + (i * 3) % 12;
            var windows = new List<WeeklyWindow>();
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday }.Where((_, k) => (k + i) % 4 != 0))
                windows.Add(new WeeklyWindow(day, new TimeOnly(startHour, 0), new TimeOnly(Math.Min(23, startHour + 3 + i % 3), 0)));
            db.CoachProfiles.Add(new CoachProfile
            {
                CoachId = u.Id,
                Headline = Headlines[i % Headlines.Length],
                Bio = $"{u.DisplayName.Split(' ')[0]} has interviewed and hired engineers for {5 + i % 12} years and coaches candidates one to one: a mock interview, written feedback and a plan for the next two weeks.",
                YearsOfExperience = 4 + (i * 5) % 17,
                TimeZone = u.TimeZone,
                IsPublished = true,
                UpdatedAt = now.UtcDateTime,
                DetailsJson = MatchingJson.Write(new CoachDetails
                {
                    Companies = [Companies[i % Companies.Length], Companies[(i * 7 + 3) % Companies.Length]],
                    InterviewedFor = i % 2 == 0 ? [Companies[(i * 5 + 1) % Companies.Length]] : [],
                    Roles = RoleSets[i % RoleSets.Length].ToList(),
                    Skills = SkillSets[i % SkillSets.Length].ToList(),
                    InterviewTypes = types,
                    CoachedCounts = types.Select((t, k) => (t, count: 5 + (i * 13 + k * 17) % 80)).ToDictionary(x => x.t, x => x.count),
                    Languages = LanguageSets[i % LanguageSets.Length].ToList(),
                    Availability = windows,
                }),
            });
            var currency = Currencies3[i % 3];
            var single = 6_000 + (i * 1_500) % 14_000;
            var count = 1 + i % 3;
            for (var k = 0; k < count; k++)
            {
                var kind = k == 1 ? ListingKind.Package : ListingKind.Single;
                var sessions = kind == ListingKind.Package ? 3 + i % 3 : 1;
                db.Listings.Add(new Listing
                {
                    Id = Guid.CreateVersion7(), CoachId = u.Id, IsPublished = true, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, Currency = currency,
                    Kind = kind, Sessions = sessions, SessionMinutes = k == 2 ? 90 : 60,
                    Title = k switch { 0 => $"Mock {QuizDefinition.Label(QuizDefinition.InterviewTypes, types[0])} interview", 1 => $"{sessions}-session interview prep package", _ => "Deep-dive: 90 minutes with written feedback" },
                    Description = "A realistic interview under real conditions, then detailed feedback on what to keep and what to change.",
                    PriceMinor = kind == ListingKind.Package ? single * sessions * 85 / 100 : (k == 2 ? single * 3 / 2 : single),
                });
            }
            await ListedState.RefreshAsync(db, u.Id, now, ct);
        }
        await db.SaveAndBumpAsync(ct);
    }
}
