namespace TechInterviewCoach.Matching.Tests;

/// <summary>What we read from a CV, through HTTP on PostgreSQL: shown to the coachee, corrected, used by the ranking, kept or dropped with the CV.</summary>
public sealed class CvReadingTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    private sealed record Reading(bool HasText, List<string> Skills, List<string> Employers, int? YearsOfExperience, string? Title, string? Seniority);

    private static readonly string[] CvLines =
    [
        "Robin Example",
        "Senior Backend Engineer",
        "Skills: k8s, Golang, PostgreSQL",
        "Experience",
        "Senior Backend Engineer, Stripe, 2019 - present",
        "Software Engineer, Zalando, 2015 - 2019",
    ];

    /// <summary>Two coaches alike for the quiz; the generalist has coached more people, so ranks first on the quiz alone.</summary>
    private async Task<(TestUser Specialist, TestUser Generalist, TestUser Coachee)> ArrangeAsync()
    {
        var specialist = await app.CreateListedCoachAsync("Kim Specialist", Fixtures.Profile(types: ["system_design"], companies: ["Stripe"], skills: ["Kubernetes", "golang", "Kafka"]));
        var generalist = await app.CreateListedCoachAsync("Gene Generalist", Fixtures.Profile(types: ["system_design"], counts: new() { ["system_design"] = 40 }, skills: ["React"]));
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["system_design"]));
        return (specialist, generalist, coachee);
    }

    [Fact]
    public async Task Uploading_a_cv_changes_the_ranking_and_the_reasons_name_what_was_read()
    {
        var (specialist, generalist, coachee) = await ArrangeAsync();
        var before = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        before.Items[0].Coach.CoachId.ShouldBe(generalist.Id);
        before.Items.SelectMany(m => m.Reasons).ShouldNotContain(r => r.Contains("from your CV") || r.Contains("like you"));

        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvLines))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reading = await coachee.Client.GetJsonAsync<Reading>("/api/matching/cv/reading");
        reading.HasText.ShouldBeTrue();
        reading.Skills.ShouldBe(["Kubernetes", "Go", "PostgreSQL"]);
        reading.Employers.ShouldBe(["Stripe", "Zalando"]);
        reading.YearsOfExperience.ShouldBe(DateTime.UtcNow.Year - 2015);
        reading.Title.ShouldBe("Senior Backend Engineer");
        reading.Seniority.ShouldBe("senior");

        var after = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        after.Items[0].Coach.CoachId.ShouldBe(specialist.Id);
        after.Items[0].Reasons.ShouldContain("Coaches Kubernetes and Go, from your CV");
        after.Items[0].Reasons.ShouldContain("Worked at Stripe, like you");
        // Nothing the coachee did not give: the specialist's Kafka is not theirs, so no reason names it.
        after.Items.SelectMany(m => m.Reasons).ShouldNotContain(r => r.Contains("Kafka") || r.Contains("React"));

        var page = await coachee.Client.GetPageAsync("/cv");
        var section = page.QuerySelector("[data-testid=cv-reading]")!.TextContent;
        section.ShouldContain("What we read from your CV");
        section.ShouldContain("Kubernetes");
        section.ShouldContain("Zalando");
    }

    [Fact]
    public async Task The_coachee_corrects_an_item_and_the_ranking_follows_at_once()
    {
        var (specialist, generalist, coachee) = await ArrangeAsync();
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvLines))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items[0].Coach.CoachId.ShouldBe(specialist.Id);

        // Remove the skills and the employer the specialist shares; add React (by an alias) from the vocabulary.
        var corrected = await (await coachee.Client.PutAsJsonAsync("/api/matching/cv/reading", new
        {
            skills = new[] { "PostgreSQL", "react.js" }, employers = new[] { "Zalando" }, yearsOfExperience = 9, title = "Senior Backend Engineer", seniority = "senior",
        })).ReadJsonAsync<Reading>(HttpStatusCode.OK);
        corrected.Skills.ShouldBe(["PostgreSQL", "React"]);

        var after = await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches");
        after.Items[0].Coach.CoachId.ShouldBe(generalist.Id);
        after.Items[0].Reasons.ShouldContain("Coaches React, from your CV");
        after.Items.SelectMany(m => m.Reasons).ShouldNotContain(r => r.Contains("Kubernetes") || r.Contains("Stripe"));

        // A skill that is not in the vocabulary is refused, naming the field; nothing changes.
        await (await coachee.Client.PutAsJsonAsync("/api/matching/cv/reading", new { skills = new[] { "Basket weaving" }, employers = Array.Empty<string>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await coachee.Client.GetJsonAsync<Reading>("/api/matching/cv/reading")).Skills.ShouldBe(["PostgreSQL", "React"]);
    }

    [Fact]
    public async Task When_the_quiz_leaves_the_seniority_open_the_cvs_counts_and_the_reason_says_so()
    {
        var coach = await app.CreateListedCoachAsync("Sam Seasoned", Fixtures.Profile(types: ["system_design"], years: 12));
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(types: ["system_design"]));
        // The quiz requires a seniority; an answer stored without one (an earlier version) leaves it open.
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MatchingDbContext>();
            var quiz = await db.QuizSubmissions.SingleAsync(q => q.UserId == coachee.Id);
            quiz.AnswersJson = quiz.AnswersJson.Replace("\"seniority\":\"senior\"", "\"seniority\":null");
            return await db.SaveChangesAsync();
        });
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items[0].Reasons.ShouldNotContain(r => r.Contains("years of experience"));

        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("Staff Software Engineer, Uber, 2014 - present"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var match = (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items.Single(m => m.Coach.CoachId == coach.Id);
        match.Reasons.ShouldContain("12 years of experience, enough for the staff level on your CV");
    }

    [Fact]
    public async Task A_scanned_cv_is_kept_with_a_note_and_encrypted_or_broken_ones_are_refused_keeping_the_previous_cv()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvLines), "first.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await coachee.Client.UploadCvAsync(TinyPdf.Encrypted("Secret Engineer"), "locked.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cv_encrypted");
        await (await coachee.Client.UploadCvAsync(TinyPdf.Malformed(), "broken.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cv_unreadable");
        (await coachee.Client.GetJsonAsync<JsonElement>("/api/matching/cv")).GetProperty("fileName").GetString().ShouldBe("first.pdf");
        (await coachee.Client.GetJsonAsync<Reading>("/api/matching/cv/reading")).Skills.ShouldContain("Kubernetes");
        (await coachee.Client.GetAsync("/api/matching/cv/file")).Content.Headers.ContentLength.ShouldBe(Fixtures.Pdf(CvLines).Length);

        // The page says it in words, on the file field.
        var token = (await coachee.Client.GetPageAsync("/cv")).QuerySelector("#cv-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(TinyPdf.Encrypted("x")), "file", "locked.pdf" } };
        var refused = await TechInterviewCoach.TestKit.Pages.ParseAsync(await (await coachee.Client.PostAsync("/cv", form)).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-error-for=file]")!.TextContent.ShouldContain("protected with a password");
        refused.QuerySelector("[data-testid=cv-current]")!.TextContent.ShouldContain("first.pdf");

        (await coachee.Client.UploadCvAsync(TinyPdf.Scanned(), "scan.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var scanned = await coachee.Client.GetJsonAsync<Reading>("/api/matching/cv/reading");
        scanned.HasText.ShouldBeFalse();
        scanned.Skills.ShouldBeEmpty();
        (await coachee.Client.GetPageAsync("/cv")).QuerySelector("[data-testid=cv-no-text]")!.TextContent.ShouldContain("looks like a scan");
    }

    [Fact]
    public async Task The_export_holds_what_was_read_and_deleting_the_cv_or_the_account_removes_it()
    {
        var (specialist, _, coachee) = await ArrangeAsync();
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvLines))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await app.InScopeAsync(async sp => JsonSerializer.Serialize((await sp.GetRequiredService<IMediator>().Send(new ExportMatchingData(coachee.Id))).Data));
        export.ShouldContain("\"cvReading\"");
        export.ShouldContain("Kubernetes");
        export.ShouldContain("Zalando");

        (await coachee.Client.DeleteAsync("/api/matching/cv")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coachee.Client.GetAsync("/api/matching/cv/reading")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coachee.Client.GetJsonAsync<MatchesPage>("/api/matching/matches")).Items.SelectMany(m => m.Reasons).ShouldNotContain(r => r.Contains("from your CV") || r.Contains("like you"));

        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvLines))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.PublishAsync(new Identity.Contracts.UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow));
        (await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().CvReadings.CountAsync(r => r.UserId == coachee.Id))).ShouldBe(0);
        specialist.ShouldNotBeNull();
    }
}
