using Microsoft.Extensions.Options;

namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// CVs in S3-compatible object storage (issue 17, decision 0026): instances share PostgreSQL and the bucket (a local S3
/// stand-in that checks SigV4), not a disk; the app encrypts before it uploads.
/// </summary>
public sealed class S3StorageTests : IAsyncLifetime
{
    private const string CvMarker = "CVMARKER-S3-7F3A";
    private S3StandIn s3 = null!;

    public async Task InitializeAsync() => s3 = await S3StandIn.StartAsync();
    public async Task DisposeAsync() => await s3.DisposeAsync();

    /// <summary>An app on the stand-in; with <paramref name="sameDatabaseAs"/> a second instance on that app's database.</summary>
    private async Task<MatchingApp> StartAsync(MatchingApp? sameDatabaseAs = null)
    {
        var app = new MatchingApp();
        foreach (var (key, value) in s3.Settings()) app.Settings[key] = value;
        if (sameDatabaseAs is null) await app.InitializeAsync();
        else app.Settings["ConnectionStrings:Postgres"] = sameDatabaseAs.ConnectionString;
        app.StartServer();
        return app;
    }

    private IReadOnlyList<KeyValuePair<string, byte[]>> CvObjects() => s3.Objects.Where(o => o.Key.StartsWith("cv/", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_cv_uploaded_on_one_instance_is_downloaded_by_the_coach_on_the_other_without_a_shared_disk()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(sameDatabaseAs: first);
        var coachee = await first.CreateUserAsync(Roles.Coachee);
        var coach = await first.CreateUserAsync(Roles.Coach);
        var pdf = Fixtures.Pdf("Ada Lovelace", CvMarker, "Backend engineer at Stripe 2019-2024");
        (await coachee.Client.UploadCvAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await first.StartConversationAsync(coachee.Id, coach.Id);

        // The coach is served by the other instance, which has never seen the file.
        var coachOnSecond = second.CreateHttpsClient();
        await coachOnSecond.SignInAsAsync(coach.Id);
        var download = await coachOnSecond.GetAsync($"/api/matching/coachees/{coachee.Id}/cv");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var coacheeOnSecond = second.CreateHttpsClient();
        await coacheeOnSecond.SignInAsAsync(coachee.Id);
        (await coacheeOnSecond.GetByteArrayAsync("/api/matching/cv/file")).ShouldBe(pdf);

        // One object, encrypted by the app: the PDF's text is not in it; no instance wrote to its own disk.
        var stored = CvObjects().ShouldHaveSingleItem();
        stored.Key.ShouldMatch("^cv/[0-9a-f]{32}\\.bin$");
        Encoding.ASCII.GetString(stored.Value).ShouldNotContain(CvMarker);
        Encoding.ASCII.GetString(stored.Value).ShouldNotContain("%PDF");
        Directory.Exists(first.CvDirectory).ShouldBeFalse();
        Directory.Exists(second.CvDirectory).ShouldBeFalse();

        // Each instance said where its files are, and no secret reached a log line.
        first.Logs.AllText.ShouldContain($"Stored cv files are kept in the S3 bucket {s3.Bucket} at http://127.0.0.1:{s3.ServiceUrl.Port} under cv/");
        foreach (var app in new[] { first, second })
        {
            app.Logs.AllText.ShouldNotContain(S3StandIn.SecretKey);
            app.Logs.AllText.ShouldNotContain(S3StandIn.AccessKey);
            app.Logs.AllText.ShouldNotContain(CvMarker);
        }
        await second.CreateClient().ShouldBecomeReadyAsync();
    }

    [Fact]
    public async Task A_coach_photo_uploaded_on_one_instance_is_served_by_the_other_from_the_bucket_and_removing_it_deletes_the_object()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(sameDatabaseAs: first);
        var coach = await first.CreateUserAsync(Roles.Coach);
        var uploaded = await (await coach.Client.UploadPhotoAsync(SampleImages.Jpeg(400, 300))).ReadJsonAsync<JsonElement>();
        var url = uploaded.GetProperty("url").GetString()!;

        var served = await second.CreateHttpsClient().GetAsync(url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        var stored = s3.Objects.Where(o => o.Key.StartsWith("photos/", StringComparison.Ordinal)).ShouldHaveSingleItem();
        stored.Key.ShouldMatch("^photos/[0-9a-f]{32}\\.webp$");
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(stored.Value);
        Directory.Exists(first.PhotoDirectory).ShouldBeFalse("no instance wrote the photo to its own disk");

        (await coach.Client.DeleteAsync("/api/matching/coach/photo")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        s3.Objects.ShouldNotContain(o => o.Key.StartsWith("photos/", StringComparison.Ordinal));
        (await second.CreateHttpsClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replacing_or_deleting_the_cv_and_deleting_the_account_remove_its_object()
    {
        await using var app = await StartAsync();
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("first"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstKey = CvObjects().ShouldHaveSingleItem().Key;
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("second"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        CvObjects().ShouldHaveSingleItem().Key.ShouldNotBe(firstKey, "the replaced CV's object is gone");

        (await coachee.Client.DeleteAsync("/api/matching/cv")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        CvObjects().ShouldBeEmpty();
        await (await coachee.Client.GetAsync("/api/matching/cv/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cv_not_found");

        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("third"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        CvObjects().ShouldHaveSingleItem();
        await app.PublishAsync(new UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow));
        await app.PublishAsync(new UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow)); // at least once: idempotent
        CvObjects().ShouldBeEmpty();
        (await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().Cvs.CountAsync(c => c.UserId == coachee.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task While_the_store_is_unreachable_uploads_and_deletes_answer_503_and_the_previous_cv_stays()
    {
        await using var app = await StartAsync();
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        var previous = Fixtures.Pdf("the previous CV");
        (await coachee.Client.UploadCvAsync(previous)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await coachee.Client.GetJsonAsync<System.Text.Json.JsonElement>("/api/matching/cv");

        await app.CreateClient().ShouldBecomeReadyAsync();

        s3.Unreachable = true;
        await (await coachee.Client.UploadCvAsync(Fixtures.Pdf("the new CV"))).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        await (await coachee.Client.DeleteAsync("/api/matching/cv")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        await (await coachee.Client.GetAsync("/api/matching/cv/file")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        (await app.CreateClient().GetAsync("/healthz/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "not ready without the bucket");
        // On the page: the form says so in words, above the CV that is still there.
        var token = (await coachee.Client.GetPageAsync("/cv")).QuerySelector("#cv-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Fixtures.Pdf("the new CV")), "file", "new.pdf" } };
        var refused = await TechInterviewCoach.TestKit.Pages.ParseAsync(await (await coachee.Client.PostAsync("/cv", form)).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-testid=cv-errors]")!.TextContent.ShouldContain("cannot be reached just now");
        refused.QuerySelector("[data-testid=cv-current]")!.TextContent.ShouldContain("cv.pdf");

        s3.Unreachable = false;
        await app.CreateClient().ShouldBecomeReadyAsync();
        (await coachee.Client.GetJsonAsync<System.Text.Json.JsonElement>("/api/matching/cv")).GetRawText().ShouldBe(before.GetRawText(), "the row still describes the previous CV");
        (await coachee.Client.GetByteArrayAsync("/api/matching/cv/file")).ShouldBe(previous);
        CvObjects().ShouldHaveSingleItem();
        app.Logs.AllText.ShouldNotContain(S3StandIn.SecretKey);
    }
}

/// <summary>Storage:S3 is checked when the app starts; without it files stay on the file system.</summary>
public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("Bucket", "Storage:S3:SecretKey")]
    [InlineData("SecretKey", "Storage:S3:Bucket")]
    [InlineData("ServiceUrl", "Storage:S3:AccessKey")]
    public async Task Partly_set_storage_settings_stop_the_app_with_a_message_naming_what_is_missing(string given, string named)
    {
        await using var app = new MatchingApp { Database = TestDatabase.Sqlite };
        await app.InitializeAsync();
        app.Settings["Storage:S3:" + given] = given == "ServiceUrl" ? "http://127.0.0.1:9" : given == "Bucket" ? "tic-files" : S3StandIn.SecretKey;
        var error = Should.Throw<OptionsValidationException>(() => app.StartServer());
        error.Message.ShouldContain(named);
        error.Message.ShouldContain("must be set when any Storage:S3 setting is");
        error.Message.ShouldNotContain(S3StandIn.SecretKey);
    }

    [Fact]
    public async Task Without_storage_settings_cvs_are_files_and_one_line_says_where()
    {
        await using var app = new MatchingApp { Database = TestDatabase.Sqlite };
        await app.InitializeAsync();
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("on disk"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        Directory.GetFiles(app.CvDirectory).ShouldHaveSingleItem().ShouldMatch("[0-9a-f]{32}\\.bin$");
        app.Logs.Lines.Count(l => l.Contains("Stored cv files are kept in the file system at " + Path.GetFullPath(app.CvDirectory))).ShouldBe(1);
        await app.CreateClient().ShouldBecomeReadyAsync();
    }

    [Fact]
    public async Task A_bucket_that_does_not_exist_keeps_the_instance_unready()
    {
        await using var s3 = await S3StandIn.StartAsync();
        await using var app = new MatchingApp { Database = TestDatabase.Sqlite };
        foreach (var (key, value) in s3.Settings(bucket: "no-such-bucket")) app.Settings[key] = value;
        await app.InitializeAsync();
        var report = await app.InScopeAsync(sp => sp.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready")));
        var storage = report.Entries["object-storage"];
        storage.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        storage.Description!.ShouldContain("NotFound (404)"); // HEAD errors carry no body, so no S3 code
        (await app.CreateClient().GetAsync("/healthz/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        s3.Requests.Select(r => r.Method + " " + r.Path).ShouldContain("HEAD /no-such-bucket/");
    }

    [Theory]
    [InlineData("SecretKey", "a-wrong-secret", "SignatureDoesNotMatch (403)")]
    [InlineData("AccessKey", "SOMEONEELSESKEY", "InvalidAccessKeyId (403)")]
    public async Task A_store_that_refuses_the_credentials_answers_503_and_says_why_in_the_log(string setting, string value, string logged)
    {
        await using var s3 = await S3StandIn.StartAsync();
        await using var app = new MatchingApp { Database = TestDatabase.Sqlite };
        foreach (var (key, v) in s3.Settings()) app.Settings[key] = v;
        app.Settings["Storage:S3:" + setting] = value;
        await app.InitializeAsync();
        var coachee = await app.CreateUserAsync(Roles.Coachee);

        var upload = await coachee.Client.UploadCvAsync(Fixtures.Pdf("refused"));
        upload.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("xception")).Take(3)));
        await upload.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
        s3.Requests.ShouldContain(r => r.Method == "PUT");
        s3.Objects.ShouldBeEmpty();
        app.Logs.AllText.ShouldContain(logged);
        app.Logs.AllText.ShouldNotContain(value == "a-wrong-secret" ? value : S3StandIn.SecretKey);
    }
}
