namespace TechInterviewCoach.Identity.Tests;

public sealed class OnboardingAndSettingsTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task A_person_who_has_not_onboarded_is_sent_to_onboarding_from_member_pages()
    {
        var person = await app.CreateNotOnboardedAsync();
        var response = await person.Client.GetAsync("/settings");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldEndWith("/onboarding?returnUrl=%2Fsettings");
    }

    [Fact]
    public async Task Onboarding_needs_a_role_the_age_confirmation_and_the_terms()
    {
        var person = await app.CreateNotOnboardedAsync();
        var problem = await (await person.Client.PostAsJsonAsync("/api/identity/onboarding", new { role = "admin", confirmAge = false, acceptTerms = false }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().Keys.ShouldBe(["role", "confirmAge", "acceptTerms"], ignoreOrder: true);

        var page = await person.Client.GetPageAsync("/onboarding");
        var answer = await person.Client.SubmitFormAsync(page, "[data-testid=onboarding-form]", new Dictionary<string, string> { ["Input.Role"] = "coachee" });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await TestKit.Pages.ParseAsync(await answer.Content.ReadAsStringAsync());
        again.QuerySelector("[data-valmsg-for='Input.ConfirmAge']")!.TextContent.ShouldContain("16 or older");
        again.QuerySelector("[data-valmsg-for='Input.AcceptTerms']")!.TextContent.ShouldContain("terms");
        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        user.OnboardedAt.ShouldBeNull();
        user.RoleList.ShouldBeEmpty();
    }

    [Fact]
    public async Task Onboarding_as_a_coachee_records_the_terms_version_and_time_and_announces_the_person()
    {
        var person = await app.CreateNotOnboardedAsync("Olu Ade", "olu@example.test");
        var page = await person.Client.GetPageAsync("/onboarding?returnUrl=%2Fsettings");
        var answer = await person.Client.SubmitFormAsync(page, "[data-testid=onboarding-form]", new Dictionary<string, string>
        {
            ["Input.Role"] = "coachee", ["Input.ConfirmAge"] = "true", ["Input.AcceptTerms"] = "true", ["Input.TimeZone"] = "Africa/Lagos",
        });
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe("/settings");

        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        user.RoleList.ShouldBe([Roles.Coachee]);
        user.OnboardedAt.ShouldNotBeNull();
        user.TermsAcceptedAt.ShouldNotBeNull();
        user.PolicyVersion.ShouldBe(PolicyVersions.Current);
        user.TimeZone.ShouldBe("Africa/Lagos");
        (await person.Client.GetAsync("/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.OutboxAsync(".SendEmail")).ShouldContain(m => m.Payload.Contains(person.Id.ToString()) && m.Payload.Contains("\"welcome\""));

        await (await person.Client.PostAsJsonAsync("/api/identity/onboarding", new { role = "coach", confirmAge = true, acceptTerms = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_onboarded");
    }

    [Fact]
    public async Task A_person_corrects_their_profile_in_settings_and_sees_which_fields_came_from_LinkedIn()
    {
        var person = await app.CreateNotOnboardedAsync("Ana Lopes", "ana@example.test");
        (await person.Client.PostAsJsonAsync("/api/identity/onboarding", new { role = "coach", confirmAge = true, acceptTerms = true })).EnsureSuccessStatusCode();

        var page = await person.Client.GetPageAsync("/settings");
        var area = page.QuerySelector("[data-testid=settings-area]")!;
        area.ClassList.ShouldContain("ph-no-capture");
        area.GetAttribute("data-sensitive").ShouldBe("true");
        page.QuerySelector("[data-testid=from-linkedin-displayName]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=from-linkedin-email]").ShouldNotBeNull();

        var saved = await person.Client.SubmitFormAsync(page, "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ana Lopes-Silva", ["Input.Headline"] = "Staff engineer", ["Input.TimeZone"] = "America/Sao_Paulo",
            ["Input.NotificationEmail"] = "ana.work@example.test",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var settings = await person.Client.GetJsonAsync<JsonElement>("/api/identity/settings");
        settings.GetProperty("displayName").GetString().ShouldBe("Ana Lopes-Silva");
        settings.GetProperty("headline").GetString().ShouldBe("Staff engineer");
        settings.GetProperty("timeZone").GetString().ShouldBe("America/Sao_Paulo");
        settings.GetProperty("notificationEmail").GetString().ShouldBe("ana.work@example.test");
        settings.GetProperty("fromLinkedIn").EnumerateArray().Select(e => e.GetString()).ShouldNotContain("displayName");
        // The new time zone reaches the session (times are shown in it).
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("timeZone").GetString().ShouldBe("America/Sao_Paulo");
    }

    [Fact]
    public async Task Invalid_settings_are_answered_with_field_errors_and_change_nothing()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Kai Berg", "kai@example.test", "Europe/Oslo");
        var problem = await (await person.Client.PutAsJsonAsync("/api/identity/settings",
                new { displayName = " ", headline = new string('x', 201), timeZone = "Mars/Olympus", notificationEmail = "not-an-email" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().Keys.ShouldBe(["displayName", "headline", "timeZone", "notificationEmail"], ignoreOrder: true);

        var page = await person.Client.GetPageAsync("/settings");
        var answer = await person.Client.SubmitFormAsync(page, "[data-testid=settings-form]", new Dictionary<string, string>
        {
            ["Input.NotificationEmail"] = "nope", ["Input.TimeZone"] = "Mars/Olympus",
        });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await TestKit.Pages.ParseAsync(await answer.Content.ReadAsStringAsync());
        again.QuerySelector("[data-testid=error-notificationEmail]")!.TextContent.ShouldContain("email address");
        again.QuerySelector("[data-testid=error-timeZone]")!.TextContent.ShouldContain("time zone");

        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id));
        user.TimeZone.ShouldBe("Europe/Oslo");
        user.NotificationEmail.ShouldBeNull();
        user.DisplayName.ShouldBe("Kai Berg");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_person()
    {
        var person = await app.CreateUserAsync(Roles.Coach);
        var otherBrowser = app.CreateHttpsClient();
        await otherBrowser.SignInAsAsync(person.Id);
        (await otherBrowser.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await person.Client.PostAsync("/api/identity/signout-everywhere", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await otherBrowser.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Turning_analytics_off_in_settings_stops_analytics_for_the_person()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Ola Nord", null, "Europe/Oslo");
        (await person.Client.PutAsJsonAsync("/api/identity/settings", new { displayName = "Ola Nord", timeZone = "Europe/Oslo", analyticsOptOut = true })).EnsureSuccessStatusCode();
        var allowed = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new TechInterviewCoach.Identity.Contracts.GetAnalyticsAllowed(person.Id)));
        allowed.ShouldBeFalse();
    }
}

public sealed class SettingsRateLimitTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["RateLimits:writes:PermitsPerMinute"] = "3";
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Saving_settings_too_often_is_rate_limited()
    {
        var person = await _app.CreateUserAsync(Roles.Coachee, "Rae Quick", null, "UTC");
        for (var i = 0; i < 3; i++)
            (await person.Client.PutAsJsonAsync("/api/identity/settings", new { displayName = "Rae " + i, timeZone = "UTC" })).EnsureSuccessStatusCode();
        await (await person.Client.PutAsJsonAsync("/api/identity/settings", new { displayName = "Rae 4", timeZone = "UTC" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}

public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly IdentityApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["RateLimits:auth:PermitsPerMinute"] = "2";
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Starting_sign_in_too_often_from_one_address_is_rate_limited()
    {
        var client = _app.CreateHttpsClient();
        for (var i = 0; i < 2; i++) (await client.GetAsync("/signin/linkedin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var limited = await client.GetAsync("/signin/linkedin");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        _app.LinkedIn.Server.Requests.ShouldBeEmpty();
    }
}

public sealed class LinkedInConfigurationTests
{
    [Fact]
    public async Task A_LinkedIn_client_id_without_a_secret_stops_the_app_naming_the_key()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        app.Settings["Authentication:LinkedIn:ClientId"] = "client-only";
        var ex = Should.Throw<Exception>(() => app.CreateHttpsClient());
        (ex.ToString()).ShouldContain("Authentication:LinkedIn:ClientSecret");
    }
}
