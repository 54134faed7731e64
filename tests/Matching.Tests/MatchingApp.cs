namespace TechInterviewCoach.Matching.Tests;

/// <summary>The app with CVs stored in a throwaway directory.</summary>
public sealed class MatchingApp : AppFactory
{
    public string CvDirectory { get; } = Path.Combine(Path.GetTempPath(), "tic-cv-" + Guid.NewGuid().ToString("N"));

    public string PhotoDirectory { get; } = Path.Combine(Path.GetTempPath(), "tic-photos-" + Guid.NewGuid().ToString("N"));

    public MatchingApp()
    {
        Settings["Matching:CvStoragePath"] = CvDirectory;
        Settings["Matching:PhotoStoragePath"] = PhotoDirectory;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(CvDirectory, recursive: true); } catch (IOException) { }
        try { Directory.Delete(PhotoDirectory, recursive: true); } catch (IOException) { }
    }

    public Task PublishAsync(INotification notification) =>
        InScopeAsync(async sp => { await sp.GetRequiredService<IMediator>().Publish(notification); return true; });

    /// <summary>Messaging's notification: the coachee started a conversation with the coach (creates the grant).</summary>
    public async Task<Guid> StartConversationAsync(Guid coacheeId, Guid coachId)
    {
        var conversation = Guid.NewGuid();
        await PublishAsync(new ConversationStarted(conversation, coacheeId, coachId, DateTime.UtcNow));
        return conversation;
    }

    public Task EnablePayoutsAsync(Guid coachId, bool enabled = true) => PublishAsync(new CoachPayoutStatusChanged(coachId, enabled, DateTime.UtcNow));
}

internal static class Fixtures
{
    public static object Quiz(string[]? companies = null, string[]? types = null, string[]? languages = null, long budget = 15000, string currency = "USD",
        string timeZone = "Europe/Berlin", object[]? availability = null, string[]? roles = null, string seniority = "senior") => new
    {
        targetRoles = roles ?? new[] { "backend" },
        seniority,
        targetCompanies = companies ?? Array.Empty<string>(),
        interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
        interviewTypes = types ?? new[] { "system_design" },
        focusAreas = new[] { "distributed" },
        languages = languages ?? new[] { "en" },
        timeZone,
        budgetMinor = budget,
        budgetCurrency = currency,
        availability = availability ?? new object[] { new { day = "Monday", start = "18:00", end = "21:00" }, new { day = "Wednesday", start = "18:00", end = "21:00" } },
    };

    public static object Profile(string headline = "Staff engineer", string[]? companies = null, string[]? types = null, Dictionary<string, int>? counts = null,
        string[]? languages = null, string timeZone = "Europe/Berlin", object[]? availability = null, string[]? roles = null, int years = 10, string[]? skills = null,
        string[]? interviewedFor = null) => new
    {
        headline,
        bio = "I coach.",
        yearsOfExperience = years,
        companies = companies ?? Array.Empty<string>(),
        interviewedFor = interviewedFor ?? Array.Empty<string>(),
        skills = skills ?? Array.Empty<string>(),
        roles = roles ?? new[] { "backend" },
        interviewTypes = types ?? new[] { "coding" },
        coachedCounts = counts ?? new Dictionary<string, int>(),
        languages = languages ?? new[] { "en" },
        timeZone,
        availability = availability ?? Array.Empty<object>(),
        isPublished = true,
    };

    public static object Listing(long price = 10000, string currency = "USD", string kind = "Single", int sessions = 1, int minutes = 60, string title = "Mock interview") =>
        new { title, description = "One hour, with written feedback.", kind, sessions, sessionMinutes = minutes, priceMinor = price, currency };

    public static async Task SubmitQuizAsync(this HttpClient client, object quiz)
    {
        var response = await client.PostAsJsonAsync("/api/matching/quiz/submit", quiz);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A coach with a profile and one published listing, listed through Orders' payout notification.</summary>
    public static async Task<TestUser> CreateListedCoachAsync(this MatchingApp app, string name, object profile, object? listing = null)
    {
        var coach = await app.CreateUserAsync(Roles.Coach, name, null, "Europe/Berlin");
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", profile)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var created = await (await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", listing ?? Listing())).ReadJsonAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created);
        (await coach.Client.PostAsync($"/api/matching/coach/listings/{created.GetProperty("id").GetGuid()}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.EnablePayoutsAsync(coach.Id);
        return coach;
    }

    public static Task<HttpResponseMessage> UploadPhotoAsync(this HttpClient client, byte[] content, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        return client.PostAsync("/api/matching/coach/photo", form);
    }

    /// <summary>A readable one-page PDF whose text is <paramref name="lines"/> (the content is uncompressed: the marker is in the bytes).</summary>
    public static byte[] Pdf(params string[] lines) => TinyPdf.Text(lines.Length == 0 ? ["hello"] : lines);

    public static Task<HttpResponseMessage> UploadCvAsync(this HttpClient client, byte[] content, string fileName = "cv.pdf", string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/matching/cv", form);
    }
}
