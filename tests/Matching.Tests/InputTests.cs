namespace TechInterviewCoach.Matching.Tests;

public sealed class InputTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "renamed executable", [.. "MZ"u8.ToArray(), .. new byte[200]], "cv_not_pdf" },
        { "html named .pdf", Encoding.ASCII.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "cv_not_pdf" },
        { "png image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]], "cv_not_pdf" },
        { "empty file", [], "cv_empty" },
        { "truncated pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length 9999 >> stream\nBT /F1 12 Tf"), "cv_truncated" },
        { "over 5 MB", TooLarge(), "cv_too_large" },
    };

    private static byte[] TooLarge()
    {
        var bytes = new byte[5 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        "%%EOF\n"u8.CopyTo(bytes.AsSpan(bytes.Length - 6));
        return bytes;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_whole_pdf_is_rejected_by_content_and_the_previous_cv_stays(string what, byte[] content, string code)
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("first-cv"), "first.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await coachee.Client.UploadCvAsync(content, "cv.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors().ShouldContainKey("file", what);

        (await coachee.Client.GetJsonAsync<CvMeta>("/api/matching/cv")).FileName.ShouldBe("first.pdf");
        (await coachee.Client.GetStringAsync("/api/matching/cv/file")).ShouldContain("first-cv");
    }

    [Fact]
    public async Task A_cv_is_replaced_and_deleted_and_keeps_only_a_safe_name()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("one"), "../../etc/<b>My CV</b>.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var meta = await coachee.Client.GetJsonAsync<CvMeta>("/api/matching/cv");
        meta.FileName.ShouldNotContain("/"); meta.FileName.ShouldNotContain("<");
        (await coachee.Client.UploadCvAsync(Fixtures.Pdf("two"), "second.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coachee.Client.GetStringAsync("/api/matching/cv/file")).ShouldContain("two");
        (await coachee.Client.DeleteAsync("/api/matching/cv")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coachee.Client.GetAsync("/api/matching/cv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_cv_page_shows_a_clear_message_for_a_rejected_file()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        var page = await coachee.Client.GetPageAsync("/cv");
        page.QuerySelector("[data-sensitive=true].ph-no-capture").ShouldNotBeNull();
        var token = page.QuerySelector("#cv-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent("MZ\x90\0"u8.ToArray()), "file", "cv.pdf" } };
        var response = await coachee.Client.PostAsync("/cv", form);
        var html = await TechInterviewCoach.TestKit.Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        html.QuerySelector("[data-error-for=file]")!.TextContent.ShouldContain("not a PDF");
    }

    [Fact]
    public async Task A_quiz_with_missing_or_out_of_range_answers_is_a_400_with_an_error_per_question()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        var response = await coachee.Client.PostAsJsonAsync("/api/matching/quiz/submit", new
        {
            targetRoles = new[] { "astronaut" }, interviewDate = "2001-01-01", targetCompanies = Enumerable.Range(0, 11).Select(i => $"C{i}"),
            timeZone = "Mars/Olympus", budgetMinor = -5, budgetCurrency = "XYZ", availability = new[] { new { day = "Monday", start = "20:00", end = "18:00" } },
        });
        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).FieldErrors();
        errors.Keys.ShouldBe(["targetRoles[0]", "seniority", "targetCompanies", "interviewDate", "interviewTypes", "languages", "timeZone", "budgetCurrency", "budgetMinor", "availability[0].end"], ignoreOrder: true);
        (await coachee.Client.GetAsync("/api/matching/matches")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_quiz_page_shows_errors_per_question_and_keeps_a_draft()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        var page = await coachee.Client.GetPageAsync("/quiz");
        page.QuerySelector("div.ph-no-capture[data-sensitive=true] form#quiz-form").ShouldNotBeNull();
        var response = await coachee.Client.SubmitFormAsync(page, "#quiz-form", new Dictionary<string, string> { ["intent"] = "submit", ["Input.TargetCompanies"] = "Draftco" });
        var html = await TechInterviewCoach.TestKit.Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        html.QuerySelector("[data-error-for=targetRoles]")!.TextContent.ShouldNotBeEmpty();
        html.QuerySelector("[data-error-for=interviewTypes]")!.TextContent.ShouldNotBeEmpty();
        html.QuerySelector("[data-error-for=availability]")!.TextContent.ShouldNotBeEmpty();

        (await coachee.Client.SubmitFormAsync(page, "#quiz-form", new Dictionary<string, string> { ["intent"] = "draft", ["Input.TargetCompanies"] = "Draftco" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coachee.Client.GetStringAsync("/api/matching/quiz/draft")).ShouldContain("Draftco");
    }

    [Fact]
    public async Task Retaking_the_quiz_keeps_earlier_submissions_and_analytics_get_no_answers()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["Firstco"]));
        await coachee.Client.SubmitQuizAsync(Fixtures.Quiz(companies: ["Secondco"]));
        (await coachee.Client.GetStringAsync("/api/matching/quiz/draft")).ShouldContain("Secondco");
        var export = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new Contracts.ExportMatchingData(coachee.Id)));
        System.Text.Json.JsonSerializer.Serialize(export.Data).ShouldContain("Firstco");
        var events = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages.Where(m => m.Type.EndsWith("TrackEvent") && m.Payload.Contains(coachee.Id.ToString())).ToListAsync());
        events.Count(e => e.Payload.Contains("quiz_completed")).ShouldBe(2);
        events.ShouldAllBe(e => !e.Payload.Contains("Firstco") && !e.Payload.Contains("Secondco"));
    }

    public static TheoryData<string, object, string> BadListings => new()
    {
        { "zero price", Fixtures.Listing(price: 0), "priceMinor" },
        { "negative price", Fixtures.Listing(price: -100), "priceMinor" },
        { "absurd price", Fixtures.Listing(price: 2_000_000_01), "priceMinor" },
        { "unknown currency", Fixtures.Listing(currency: "XYZ"), "currency" },
        { "package of 0 sessions", Fixtures.Listing(kind: "Package", sessions: 0), "sessions" },
        { "package of 21 sessions", Fixtures.Listing(kind: "Package", sessions: 21), "sessions" },
        { "10 minute session", Fixtures.Listing(minutes: 10), "sessionMinutes" },
        { "no title", Fixtures.Listing(title: ""), "title" },
    };

    [Theory]
    [MemberData(nameof(BadListings))]
    public async Task A_listing_with_bad_values_is_rejected(string what, object listing, string field)
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var problem = await (await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", listing)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().ShouldContainKey(field, what);
        (await coach.Client.GetJsonAsync<List<System.Text.Json.JsonElement>>("/api/matching/coach/listings")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_listings_page_shows_form_errors()
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var page = await coach.Client.GetPageAsync("/coach/listings");
        var response = await coach.Client.SubmitFormAsync(page, "#listing-form", new Dictionary<string, string> { ["Input.Title"] = "Mock", ["Input.Price"] = "0", ["Input.Currency"] = "USD" });
        (await response.Content.ReadAsStringAsync()).ShouldContain("The price must be above zero.");
    }

    [Fact]
    public async Task Orders_gets_the_listing_price_and_the_coachs_weekly_availability()
    {
        var coach = await app.CreateListedCoachAsync("Sell Er", Fixtures.Profile(timeZone: "America/New_York", availability: [new { day = "Friday", start = "09:00", end = "12:00" }]),
            Fixtures.Listing(price: 45000, currency: "EUR", kind: "Package", sessions: 3));
        var listings = await coach.Client.GetJsonAsync<List<System.Text.Json.JsonElement>>("/api/matching/coach/listings");
        var id = listings[0].GetProperty("id").GetGuid();
        var forPurchase = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new Contracts.GetListingForPurchase(id)));
        forPurchase!.PriceMinor.ShouldBe(45000); forPurchase.Currency.ShouldBe("EUR"); forPurchase.Sessions.ShouldBe(3);
        forPurchase.CoachIsListed.ShouldBeTrue(); forPurchase.IsPublished.ShouldBeTrue();
        var availability = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new Contracts.GetCoachAvailability(coach.Id)));
        availability!.TimeZone.ShouldBe("America/New_York");
        availability.Windows.ShouldHaveSingleItem().Day.ShouldBe(DayOfWeek.Friday);
    }

    private sealed record CvMeta(string FileName, long SizeBytes);
}
