namespace TechInterviewCoach.Matching.Tests;

public sealed class ReleaseRuleTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    private const string QuizMarker = "Zyxquorp Labs";
    private const string CvMarker = "CVMARKER-7731";
    /// <summary>A skill only the CV names (no coach here coaches it): it is on a page only because it was read from the CV.</summary>
    private const string DerivedMarker = "Erlang";

    private sealed record Viewer(string Who, HttpClient Client, bool SeesData);

    [Fact]
    public async Task Only_the_coachee_and_the_coach_they_started_a_conversation_with_see_the_quiz_and_cv_and_every_coach_view_is_logged()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Cora Coachee", null, "Europe/Berlin");
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: [QuizMarker]));
        // What is read from the CV is matching data too: a skill only the CV names, and the quiz's company as an employer.
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf(CvMarker, $"Platform Engineer, {QuizMarker}, 2018 - present", $"Skills: {DerivedMarker}"), "my-cv.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await coachee.Client.GetJsonAsync<System.Text.Json.JsonElement>("/api/matching/cv/reading");
        read.GetProperty("employers")[0].GetString().ShouldBe(QuizMarker);
        read.GetProperty("skills")[0].GetString().ShouldBe(DerivedMarker);

        var granted = await app.CreateListedCoachAsync("Grace Granted", Fixtures.Profile(types: ["system_design"]));
        var ungranted = await app.CreateListedCoachAsync("Una Ungranted", Fixtures.Profile(types: ["system_design"]));
        var second = await app.CreateUserAsync(Roles.Coach, "Sam Second");
        var admin = await app.CreateUserAsync(Roles.Admin, "Ada Admin");
        var anonymous = app.CreateHttpsClient();
        await app.StartConversationAsync(coachee.Id, granted.Id);
        await app.StartConversationAsync(coachee.Id, granted.Id); // a second conversation with the same coach is fine

        var others = new[]
        {
            new Viewer("coach without a conversation", ungranted.Client, false), new Viewer("second coach", second.Client, false),
            new Viewer("admin", admin.Client, false), new Viewer("anonymous", anonymous, false),
        };
        var coachRoutes = new[] { $"/api/matching/coachees/{coachee.Id}/quiz", $"/coach/coachees/{coachee.Id}", $"/api/matching/coachees/{coachee.Id}/cv", $"/api/matching/coachees/{coachee.Id}/cv-reading" };
        var ownRoutes = new[] { "/api/matching/quiz/draft", "/quiz", "/api/matching/cv/file", "/cv", "/api/matching/cv", "/api/matching/cv/reading", "/my-data-access" };
        var publicRoutes = new[] { "/coaches", $"/coaches/{granted.Id}", "/api/matching/coaches", $"/api/matching/coaches/{granted.Id}", "/matches", "/api/matching/matches" };

        // The coachee sees their own quiz and CV.
        (await Text(coachee.Client, "/api/matching/quiz/draft")).ShouldContain(QuizMarker);
        (await Text(coachee.Client, "/quiz")).ShouldContain(QuizMarker);
        (await Text(coachee.Client, "/api/matching/cv/file")).ShouldContain(CvMarker);

        // The granted coach sees them through the coachee routes.
        (await Text(granted.Client, coachRoutes[0])).ShouldContain(QuizMarker);
        (await Text(granted.Client, coachRoutes[1])).ShouldContain(QuizMarker);
        var download = await granted.Client.GetAsync(coachRoutes[2]);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await download.Content.ReadAsStringAsync()).ShouldContain(CvMarker);
        var reading = await Text(granted.Client, coachRoutes[3]);
        reading.ShouldContain(DerivedMarker);
        reading.ShouldContain(QuizMarker);
        (await Text(coachee.Client, "/cv")).ShouldContain(DerivedMarker);

        // Nobody else sees anything, anywhere; coachee routes are 404 problems for signed-in people (existence not revealed).
        foreach (var viewer in others)
        {
            foreach (var route in coachRoutes)
            {
                var response = await viewer.Client.GetAsync(route);
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.Redirect], $"{viewer.Who} {route}");
                if (viewer.Client != anonymous) response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{viewer.Who} {route}");
                body.ShouldNotContain(QuizMarker); body.ShouldNotContain(CvMarker); body.ShouldNotContain(DerivedMarker);
            }
            foreach (var route in ownRoutes.Concat(publicRoutes))
            {
                var body = await Text(viewer.Client, route, any: true);
                body.ShouldNotContain(QuizMarker, customMessage: $"{viewer.Who} {route}");
                body.ShouldNotContain(CvMarker, customMessage: $"{viewer.Who} {route}");
                body.ShouldNotContain(DerivedMarker, customMessage: $"{viewer.Who} {route}");
            }
        }
        foreach (var route in publicRoutes)
        {
            (await Text(coachee.Client, route, any: true)).ShouldNotContain(CvMarker);
            // The public pages never show a coach what was read.
            (await Text(granted.Client, route, any: true)).ShouldNotContain(DerivedMarker);
            (await Text(granted.Client, route, any: true)).ShouldNotContain(QuizMarker);
        }

        // Every view by the granted coach is in the log the coachee sees: quiz via API, quiz and what was read via the
        // page, CV download, what was read via the API.
        var log = await coachee.Client.GetJsonAsync<List<AccessItem>>("/api/matching/my-data-access");
        log.Count.ShouldBe(5);
        log.ShouldAllBe(a => a.CoachId == granted.Id && a.CoachName == "Grace Granted");
        log.Select(a => a.What).OrderBy(w => w, StringComparer.Ordinal).ShouldBe(["cv", "cv_reading", "cv_reading", "quiz", "quiz"]);
        var page = await coachee.Client.GetPageAsync("/my-data-access");
        page.QuerySelector("[data-testid=access-log]")!.TextContent.ShouldContain("Grace Granted");
        page.QuerySelector("[data-testid=access-log]")!.TextContent.ShouldContain("What we read from your CV");

        // Nothing of it reached the logs, and the CV on disk is encrypted.
        app.Logs.AllText.ShouldNotContain(QuizMarker);
        app.Logs.AllText.ShouldNotContain(CvMarker);
        app.Logs.AllText.ShouldNotContain(DerivedMarker);
        foreach (var file in Directory.GetFiles(app.CvDirectory))
            Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file)).ShouldNotContain(CvMarker);
    }

    [Fact]
    public async Task Closing_the_conversation_ends_the_coachs_access()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz());
        var coach = await app.CreateUserAsync(Roles.Coach);
        var conversation = await app.StartConversationAsync(coachee.Id, coach.Id);
        (await coach.Client.GetAsync($"/api/matching/coachees/{coachee.Id}/quiz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.PublishAsync(new ConversationClosed(conversation, coachee.Id, coach.Id, DateTime.UtcNow));
        await app.PublishAsync(new ConversationStarted(conversation, coachee.Id, coach.Id, DateTime.UtcNow)); // a repeated delivery does not reopen it

        await (await coach.Client.GetAsync($"/api/matching/coachees/{coachee.Id}/quiz")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "coachee_not_found");
        (await coach.Client.GetAsync($"/coach/coachees/{coachee.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_the_account_removes_quiz_cv_and_grants()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.PutAsJsonAsync("/api/matching/quiz/draft", Fixtures.Quiz());
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz());
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var coach = await app.CreateUserAsync(Roles.Coach);
        await app.StartConversationAsync(coachee.Id, coach.Id);
        (await coach.Client.GetAsync($"/api/matching/coachees/{coachee.Id}/quiz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var storageId = await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().Cvs.Where(c => c.UserId == coachee.Id).Select(c => c.StorageId).SingleAsync());
        File.Exists(Path.Combine(app.CvDirectory, storageId + ".bin")).ShouldBeTrue();

        await app.PublishAsync(new UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow));
        await app.PublishAsync(new UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow)); // at least once: idempotent

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MatchingDbContext>();
            (await db.QuizSubmissions.CountAsync(q => q.UserId == coachee.Id)).ShouldBe(0);
            (await db.QuizDrafts.CountAsync(q => q.UserId == coachee.Id)).ShouldBe(0);
            (await db.Cvs.CountAsync(c => c.UserId == coachee.Id)).ShouldBe(0);
            (await db.CvReadings.CountAsync(c => c.UserId == coachee.Id)).ShouldBe(0);
            (await db.AccessGrants.CountAsync(g => g.CoacheeId == coachee.Id)).ShouldBe(0);
            (await db.AccessLog.CountAsync(g => g.CoacheeId == coachee.Id)).ShouldBe(0);
            return true;
        });
        File.Exists(Path.Combine(app.CvDirectory, storageId + ".bin")).ShouldBeFalse();
        (await coach.Client.GetAsync($"/api/matching/coachees/{coachee.Id}/quiz")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_coach_is_delisted_and_keeps_no_profile_text()
    {
        var coach = await app.CreateListedCoachAsync("Dee Deleted", Fixtures.Profile(headline: "Unique headline 4471"));
        (await app.CreateHttpsClient().GetAsync($"/api/matching/coaches/{coach.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.PublishAsync(new UserDeleted(coach.Id, [Roles.Coach], DateTime.UtcNow));
        (await app.CreateHttpsClient().GetAsync($"/api/matching/coaches/{coach.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Text(app.CreateHttpsClient(), "/api/matching/coaches?pageSize=50")).ShouldNotContain("Unique headline 4471");
    }

    private sealed record AccessItem(Guid CoachId, string CoachName, string What, DateTime At);

    private static async Task<string> Text(HttpClient client, string url, bool any = false)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!any) response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }
}
