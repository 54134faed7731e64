namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// Several instances behind a load balancer, each with its own match snapshot: a coach's edit on one instance reaches
/// another instance's matches and directory by updating that coach only, through the change log (decision 0023), and the
/// updated snapshot equals a full build after any sequence of edits.
/// </summary>
public sealed class SnapshotChangesTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    private readonly List<MatchingApp> others = [];

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var other in others) await other.DisposeAsync();
        await app.DisposeAsync();
    }

    /// <summary>Another instance of the app on the same database (it builds its own snapshot at start-up).</summary>
    private async Task<MatchingApp> StartInstanceAsync()
    {
        var other = new MatchingApp();
        other.Settings["ConnectionStrings:Postgres"] = app.ConnectionString;
        others.Add(other);
        var probe = other.CreateClient();
        for (var i = 0; i < 200 && (await probe.GetAsync("/healthz/ready")).StatusCode != HttpStatusCode.OK; i++) await Task.Delay(100);
        return other;
    }

    private static MatchSnapshotCache Cache(MatchingApp instance) => instance.Services.GetRequiredService<MatchSnapshotCache>();

    [Fact]
    public async Task A_coach_edit_on_one_instance_shows_in_another_instance_matches_and_directory_without_a_full_rebuild()
    {
        var editor = await app.CreateListedCoachAsync("Edits Profile", Fixtures.Profile(types: ["coding"]), Fixtures.Listing(price: 12000));
        var other = await app.CreateListedCoachAsync("Stays Put", Fixtures.Profile(types: ["coding"], companies: ["Netflix"]), Fixtures.Listing(price: 12000));
        var second = await StartInstanceAsync();
        var coachee = await second.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["Stripe"], types: ["coding"], budget: 15000));
        var anon = second.CreateHttpsClient();
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total.ShouldBe(2);
        var fullBuilds = Cache(second).FullBuilds;
        var updates = Cache(second).Updates;

        // The profile: the coach now worked at the coachee's target company.
        (await editor.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile(headline: "Payments platform lead", types: ["coding"], companies: ["Stripe"])))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var page = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        page.Items[0].Coach.CoachId.ShouldBe(editor.Id);
        page.Items[0].Reasons.ShouldContain("Worked at Stripe");
        (await anon.GetJsonAsync<DirectoryPage>("/api/matching/coaches?q=payments%20platform")).Items.Select(c => c.CoachId).ShouldBe([editor.Id]);

        // A rating (Orders' notification, handled on the first instance).
        await app.PublishAsync(new CoachRatingChanged(other.Id, 5, 40, DateTime.UtcNow));
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items.Single(m => m.Coach.CoachId == other.Id)
            .Reasons.ShouldContain("Rated 5.0 by 40 coachees");

        // Delisted, then listed again.
        await app.EnablePayoutsAsync(editor.Id, false);
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items.Select(m => m.Coach.CoachId).ShouldBe([other.Id]);
        (await anon.GetJsonAsync<DirectoryPage>("/api/matching/coaches?q=payments")).Total.ShouldBe(0);
        await app.EnablePayoutsAsync(editor.Id, true);
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total.ShouldBe(2);

        // A new coach listed on the first instance.
        var newcomer = await app.CreateListedCoachAsync("New Arrival", Fixtures.Profile(types: ["coding"]), Fixtures.Listing(price: 9000));
        (await anon.GetJsonAsync<DirectoryPage>("/api/matching/coaches?q=new%20arrival")).Items.Select(c => c.CoachId).ShouldBe([newcomer.Id]);

        Cache(second).FullBuilds.ShouldBe(fullBuilds, "every change reached the second instance as an update of the changed coaches");
        Cache(second).Updates.ShouldBeGreaterThan(updates);
        second.Logs.Lines.ShouldContain(l => l.Contains("updated from"));
    }

    [Fact]
    public async Task A_gap_in_the_change_log_falls_back_to_a_full_build()
    {
        await app.CreateListedCoachAsync("Before", Fixtures.Profile(types: ["coding"]));
        var second = await StartInstanceAsync();
        var coachee = await second.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["coding"]));
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total.ShouldBe(1);
        var fullBuilds = Cache(second).FullBuilds;

        // A change written straight into the tables with a bump but no log row (as the benchmark's seeding does).
        await app.CreateListedCoachAsync("Logged", Fixtures.Profile(types: ["coding"]));
        await using (var connection = new Npgsql.NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "DELETE FROM matching.snapshot_changes WHERE version = (SELECT max(version) FROM matching.snapshot_changes)", connection);
            (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
        }

        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Total.ShouldBe(2);
        Cache(second).FullBuilds.ShouldBe(fullBuilds + 1);
    }

    [Fact]
    public async Task A_new_photo_shows_on_another_instance_directory_card_by_updating_that_coach_only()
    {
        var coach = await app.CreateListedCoachAsync("Pia Photo", Fixtures.Profile(), Fixtures.Listing());
        var second = await StartInstanceAsync();
        var anon = second.CreateHttpsClient();
        (await anon.GetJsonAsync<PhotoPage>("/api/matching/coaches")).Items.ShouldHaveSingleItem().PhotoUrl.ShouldBeNull();
        var fullBuilds = Cache(second).FullBuilds;
        var updates = Cache(second).Updates;

        var upload = await coach.Client.UploadPhotoAsync(SampleImages.Jpeg(600, 600));
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var url = (await upload.ReadJsonAsync<JsonElement>()).GetProperty("url").GetString();

        // The card cached on the second instance is keyed by the coach's last change: the photo is one.
        (await anon.GetJsonAsync<PhotoPage>("/api/matching/coaches")).Items.ShouldHaveSingleItem().PhotoUrl.ShouldBe(url);
        Cache(second).FullBuilds.ShouldBe(fullBuilds, "a photo is logged as a change of its coach, not a gap in the log");
        Cache(second).Updates.ShouldBeGreaterThan(updates);
    }

    [Fact]
    public async Task After_random_concurrent_edits_on_two_instances_the_updated_snapshot_equals_a_full_build()
    {
        var random = new Random(20261130);
        var second = await StartInstanceAsync();
        MatchingApp[] instances = [app, second];
        string[] companies = ["Google", "Stripe", "Netflix", "Meta", "Shopify", "Acme Robotics"];
        // Companies interviewed for: some also worked at, "Tiny Startup GmbH" only ever interviewed for.
        string[] interviewed = ["Google", "Stripe", "Meta", "Tiny Startup GmbH"];
        string[] types = ["coding", "system_design", "behavioural", "ml_design"];
        string[] languages = ["en", "de", "fr", "es"];
        string[] skills = ["Go", "Kubernetes", "Python", "Kafka", "React", "PostgreSQL"];
        string[] zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo"];
        string[] days = ["Monday", "Tuesday", "Wednesday", "Saturday"];
        T[] Some<T>(T[] from, int min) => from.OrderBy(_ => random.Next()).Take(random.Next(min, from.Length + 1)).ToArray();
        object RandomProfile(int n) => Fixtures.Profile(headline: $"Coach {n} headline {random.Next(1000)}", companies: Some(companies, 0), types: Some(types, 1),
            counts: new() { [types[random.Next(types.Length)]] = random.Next(0, 80) }, languages: Some(languages, 1), timeZone: zones[random.Next(zones.Length)],
            availability: [new { day = days[random.Next(days.Length)], start = $"{random.Next(6, 12):00}:00", end = $"{random.Next(13, 22):00}:00" }],
            years: random.Next(1, 25), skills: Some(skills, 0), interviewedFor: Some(interviewed, 0));

        var coaches = new List<(TestUser User, Guid Listing)>();
        for (var n = 0; n < 8; n++)
        {
            var coach = await app.CreateListedCoachAsync($"Random Coach {n}", RandomProfile(n), Fixtures.Listing(price: 5000 + 1000 * n, currency: n % 2 == 0 ? "USD" : "EUR"));
            var listings = await coach.Client.GetJsonAsync<JsonElement>("/api/matching/coach/listings");
            coaches.Add((coach, listings.EnumerateArray().First().GetProperty("id").GetGuid()));
        }
        var quizzes = new[]
        {
            Fixtures.Quiz(companies: ["Stripe", "Google"], types: ["coding", "system_design"], languages: ["en", "de"], budget: 9000, currency: "USD"),
            Fixtures.Quiz(companies: ["Acme Robotics", "Tiny Startup GmbH"], types: ["behavioural"], languages: ["fr"], budget: 7000, currency: "EUR", timeZone: "Asia/Tokyo", seniority: "staff"),
        };
        var coachees = new List<TestUser>();
        foreach (var quiz in quizzes)
        {
            var coachee = await second.CreateUserAsync(Roles.Coachee);
            await coachee.Client.SubmitQuizAsync(quiz);
            coachees.Add(coachee);
        }
        // Each coach signed in on both instances: edits land on either.
        var clients = new Dictionary<(Guid, int), HttpClient>();
        foreach (var (coach, _) in coaches)
            for (var i = 0; i < instances.Length; i++)
            {
                var client = instances[i].CreateHttpsClient();
                await client.SignInAsAsync(coach.Id);
                clients[(coach.Id, i)] = client;
            }
        await coachees[0].Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        var fullBuilds = Cache(second).FullBuilds;

        for (var round = 0; round < 10; round++)
        {
            // Four edits at once, on random instances, while the second instance answers matches.
            var edits = Enumerable.Range(0, 4).Select(_ =>
            {
                var (coach, listing) = coaches[random.Next(coaches.Count)];
                var at = random.Next(instances.Length);
                var client = clients[(coach.Id, at)];
                var n = coaches.FindIndex(c => c.User.Id == coach.Id);
                return random.Next(6) switch
                {
                    0 or 1 => Send(client.PutAsJsonAsync("/api/matching/coach/profile", RandomProfile(n))),
                    2 => Send(client.PutAsJsonAsync($"/api/matching/coach/listings/{listing}",
                        Fixtures.Listing(price: random.Next(20, 200) * 100, currency: random.Next(2) == 0 ? "USD" : "EUR", sessions: random.Next(2, 4), kind: "Package"))),
                    3 => Send(client.PostAsync($"/api/matching/coach/listings/{listing}/{(random.Next(3) == 0 ? "unpublish" : "publish")}", null)),
                    4 => instances[at].PublishAsync(new CoachRatingChanged(coach.Id, 1 + random.Next(40) / 10.0, random.Next(0, 30), DateTime.UtcNow)),
                    _ => instances[at].PublishAsync(new CoachResponsivenessMeasured(coach.Id, random.Next(2) == 0 ? null : (double)random.Next(5, 3000), 5, random.Next(0, 3), DateTime.UtcNow)),
                };
            }).ToList();
            edits.Add(coachees[round % 2].Client.GetJsonAsync<MatchesPage>("/api/matching/matches"));
            await Task.WhenAll(edits);
        }

        // The second instance catches up by updates only; a fresh third instance builds in full from the tables.
        foreach (var coachee in coachees) await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        Cache(second).FullBuilds.ShouldBe(fullBuilds, "the edits reached the second instance as updates");
        var third = await StartInstanceAsync();
        var updated = await SnapshotAsync(second);
        var built = await SnapshotAsync(third);
        updated.Version.ShouldBe(built.Version);
        SnapshotUpdateTests.Describe(updated).ShouldBe(SnapshotUpdateTests.Describe(built));

        foreach (var coachee in coachees)
            (await MatchesAsync(second, coachee.Id)).ShouldBe(await MatchesAsync(third, coachee.Id));
        foreach (var query in new[] { "coach", "headline 1", "stripe", "tiny startup" })
            (await DirectoryAsync(second, query)).ShouldBe(await DirectoryAsync(third, query));
    }

    private static async Task<bool> Send(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return true;
    }

    private static Task<MatchSnapshot> SnapshotAsync(MatchingApp instance) =>
        instance.InScopeAsync(sp => sp.GetRequiredService<MatchSnapshotCache>().GetAsync(sp.GetRequiredService<MatchingDbContext>(), default));

    private static Task<List<string>> MatchesAsync(MatchingApp instance, Guid coacheeId) => instance.InScopeAsync(async sp =>
    {
        var page = await sp.GetRequiredService<IMediator>().Send(new Features.RankCoaches(coacheeId, PageSize: 50));
        return page!.Items.Select(m => $"{m.Rank} {m.Coach.CoachId} {m.Score} {string.Join("; ", m.Reasons)} {m.Coach.Headline}").ToList();
    });

    private static Task<List<Guid>> DirectoryAsync(MatchingApp instance, string query) => instance.InScopeAsync(async sp =>
        (await sp.GetRequiredService<IMediator>().Send(new Features.BrowseCoaches(query, Sort: "price", PageSize: 50))).Items.Select(c => c.CoachId).ToList());

    private sealed record DirectoryPage(List<DirectoryCoach> Items, int Total);

    private sealed record PhotoPage(List<PhotoCard> Items);

    private sealed record PhotoCard(Guid CoachId, string? PhotoUrl);

    private sealed record DirectoryCoach(Guid CoachId, string DisplayName);
}
