namespace TechInterviewCoach.Platform.Tests.Fuzz;

/// <summary>The faults of issue 12, one by one, through HTTP against PostgreSQL: each is a 400 naming the field, never a 500.</summary>
public sealed class InputAtTheEdgeTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    private static readonly object ValidQuiz =
        Samples.Quiz(companies: ["Acme"], focusAreas: [], budget: 10000, availability: [Samples.Slot("Monday", "09:00:00", "12:00:00")]);

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field, string code = "validation_failed")
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors().Keys.ShouldContain(field, $"{await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("displayName", "Ann\u0000Lee")]
    [InlineData("headline", "Staff\u0007 engineer")]
    [InlineData("timeZone", "Europe/Berlin\u0000")]
    public async Task Settings_with_a_control_character_are_refused_naming_the_field(string field, string value)
    {
        var person = await app.CreateUserAsync("coachee", "Ann");
        var body = new JsonObject { ["displayName"] = "Ann", ["headline"] = "Engineer", ["timeZone"] = "Europe/Berlin", ["analyticsOptOut"] = false, [field] = value };
        await ShouldNameAsync(await person.Client.PutAsync("/api/identity/settings", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), field);
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/settings")).GetProperty("displayName").GetString().ShouldBe("Ann");
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text_and_are_kept()
    {
        var coach = await app.CreateUserAsync("coach", "Tab");
        var response = await coach.Client.PutAsJsonAsync("/api/identity/settings", new { displayName = "Tab", headline = "Line one\r\nLine\ttwo", timeZone = "UTC" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_development_sign_in_with_a_nul_in_the_name_is_refused()
    {
        var response = await app.CreateHttpsClient().PostAsJsonAsync("/api/dev/signin", new { role = "coachee", displayName = "Bad\u0000Name" });
        await ShouldNameAsync(response, "displayName");
    }

    [Theory]
    [InlineData("search")]
    [InlineData("role")]
    public async Task The_admin_user_search_refuses_a_nul_and_the_next_search_works(string parameter)
    {
        var admin = await app.CreateUserAsync("admin", "Admin");
        for (var i = 0; i < 5; i++)
            await ShouldNameAsync(await admin.Client.GetAsync($"/api/identity/admin/users?{parameter}=%00"), parameter);
        (await admin.Client.GetAsync("/api/identity/admin/users?search=Admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("description")]
    public async Task A_listing_with_a_nul_is_refused_naming_the_field(string field)
    {
        var coach = await app.CreateUserAsync("coach", "Lister");
        var body = new JsonObject { ["title"] = "Mock", ["description"] = "One hour", ["kind"] = "Single", ["sessions"] = 1, ["sessionMinutes"] = 60, ["priceMinor"] = 5000, ["currency"] = "USD" };
        body[field] = "Mock\u0000";
        await ShouldNameAsync(await coach.Client.PostAsync("/api/matching/coach/listings", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), field);
    }

    [Theory]
    [InlineData("targetRoles")]
    [InlineData("targetCompanies")]
    [InlineData("interviewTypes")]
    [InlineData("focusAreas")]
    [InlineData("languages")]
    [InlineData("availability")]
    public async Task A_quiz_with_a_null_list_is_refused_naming_the_list(string list)
    {
        var coachee = await app.CreateUserAsync("coachee", "Quizzer");
        var body = JsonSerializer.SerializeToNode(ValidQuiz)!.AsObject();
        body[list] = null;
        foreach (var url in new[] { "/api/matching/quiz/draft", "/api/matching/quiz/submit" })
        {
            var request = new HttpRequestMessage(url.EndsWith("draft") ? HttpMethod.Put : HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            await ShouldNameAsync(await coachee.Client.SendAsync(request), list);
        }
    }

    [Fact]
    public async Task Null_entries_in_lists_are_refused_naming_the_entry()
    {
        var coachee = await app.CreateUserAsync("coachee", "Nulls");
        var quiz = JsonSerializer.SerializeToNode(ValidQuiz)!.AsObject();
        quiz["targetCompanies"] = new JsonArray((JsonNode?)null);
        await ShouldNameAsync(await coachee.Client.PostAsync("/api/matching/quiz/submit", new StringContent(quiz.ToJsonString(), Encoding.UTF8, "application/json")), "targetCompanies[0]");

        var coach = await app.CreateUserAsync("coach", "Nulls");
        var profile = new JsonObject
        {
            ["headline"] = "Coach", ["bio"] = "", ["yearsOfExperience"] = 3, ["companies"] = new JsonArray((JsonNode?)null), ["roles"] = new JsonArray("backend"),
            ["interviewTypes"] = new JsonArray("system_design"), ["languages"] = new JsonArray("en"), ["timeZone"] = "UTC", ["availability"] = new JsonArray(),
        };
        await ShouldNameAsync(await coach.Client.PutAsync("/api/matching/coach/profile", new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json")), "companies[0]");
    }

    [Theory]
    [InlineData("coachee", "/api/orders/mine?page=100000000")]
    [InlineData("coach", "/api/orders/coach?page=100000000")]
    [InlineData("admin", "/api/orders/admin/orders?Page=100000000")]
    [InlineData("admin", "/api/orders/admin/orders?Page=2147483647&PageSize=200")]
    [InlineData("visitor", "/api/matching/coaches?page=2147483647&pageSize=2147483647")]
    [InlineData("coachee", "/api/matching/matches?page=2147483647")]
    public async Task A_page_far_past_the_end_is_empty(string role, string url)
    {
        var client = role == "visitor" ? app.CreateHttpsClient() : (await app.CreateUserAsync(role, "Pager")).Client;
        var response = await client.GetAsync(url);
        // Matches need a submitted quiz first; whatever the answer, it is not a server failure.
        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.OK)
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_type_in_a_body_names_the_field()
    {
        var coachee = await app.CreateUserAsync("coachee", "Types");
        var quiz = JsonSerializer.SerializeToNode(ValidQuiz)!.AsObject();
        quiz["budgetMinor"] = "a lot";
        await ShouldNameAsync(await coachee.Client.PutAsync("/api/matching/quiz/draft", new StringContent(quiz.ToJsonString(), Encoding.UTF8, "application/json")), "budgetMinor", "invalid_input");
        quiz["budgetMinor"] = JsonNode.Parse("99999999999999999999999");
        await ShouldNameAsync(await coachee.Client.PutAsync("/api/matching/quiz/draft", new StringContent(quiz.ToJsonString(), Encoding.UTF8, "application/json")), "budgetMinor", "invalid_input");
        await ShouldNameAsync(await coachee.Client.GetAsync("/api/orders/mine?page=lots"), "page", "invalid_input");
    }

    [Fact]
    public async Task Six_concurrent_draft_saves_after_a_submit_all_succeed_and_the_last_draft_is_kept()
    {
        var coachee = await app.CreateUserAsync("coachee", "Double clicker");
        (await coachee.Client.PostAsJsonAsync("/api/matching/quiz/submit", ValidQuiz)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => coachee.Client.PutAsJsonAsync("/api/matching/quiz/draft", ValidQuiz)));
            foreach (var r in responses) r.StatusCode.ShouldBe(HttpStatusCode.NoContent, await r.Content.ReadAsStringAsync());
            var submits = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => coachee.Client.PostAsJsonAsync("/api/matching/quiz/submit", ValidQuiz)));
            foreach (var r in submits) r.StatusCode.ShouldBe(HttpStatusCode.NoContent, await r.Content.ReadAsStringAsync());
        }
        var view = await coachee.Client.GetJsonAsync<JsonElement>("/api/matching/quiz/draft");
        view.GetProperty("answers").GetProperty("targetRoles")[0].GetString().ShouldBe("backend");
    }

    [Fact]
    public async Task A_page_form_with_a_control_character_shows_a_form_error_and_keeps_the_old_value()
    {
        var person = await app.CreateUserAsync("coachee", "Formal");
        var page = await person.Client.GetPageAsync("/settings");
        var response = await person.Client.SubmitFormAsync(page, "form[action*='Save']", new Dictionary<string, string> { ["Input.DisplayName"] = "For\u0007mal" }, "/settings?handler=Save");
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 500 ? html[..500] : html);
        html.ShouldContain("Remove control characters");
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/settings")).GetProperty("displayName").GetString().ShouldBe("Formal");
    }

    [Fact]
    public async Task A_page_form_with_a_nul_is_refused_by_the_framework_before_the_page_runs()
    {
        // ASP.NET Core's form reader refuses NUL in a form value ("invalid characters"): 400, nothing stored.
        var person = await app.CreateUserAsync("coachee", "Nul Form");
        var page = await person.Client.GetPageAsync("/settings");
        var response = await person.Client.SubmitFormAsync(page, "form[action*='Save']", new Dictionary<string, string> { ["Input.DisplayName"] = "Nul\u0000Form" }, "/settings?handler=Save");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/settings")).GetProperty("displayName").GetString().ShouldBe("Nul Form");
    }
}
