namespace TechInterviewCoach.Platform.Tests;

public sealed class SecurityTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_security_headers()
    {
        // HSTS is never sent for localhost, so ask as the public host would be asked.
        var response = await app.CreateHttpsClient(host: "app.techinterview.test").GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
    }

    [Fact]
    public async Task The_pages_have_no_inline_script()
    {
        var page = await app.CreateHttpsClient().GetPageAsync("/");
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
    }

    [Fact]
    public async Task The_session_cookie_is_secure_httponly_and_samesite_lax()
    {
        var client = app.CreateHttpsClient();
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { role = "coachee" });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tic.auth="));
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var user = await app.CreateUserAsync("coachee");
        var response = await user.Client.PostAsync("/signout", new FormUrlEncodedContent([]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await user.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");
    }

    [Fact]
    public async Task Signing_out_with_the_form_ends_the_session()
    {
        var user = await app.CreateUserAsync("coachee");
        var page = await user.Client.GetPageAsync("/signout");
        (await user.Client.SubmitFormAsync(page, "main form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await user.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly PlatformApp _app = new() { Database = TestDatabase.Sqlite };

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["RateLimits:auth:PermitsPerMinute"] = "3";
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Too_many_sign_ins_get_a_429_problem_with_retry_after()
    {
        var client = _app.CreateHttpsClient();
        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/dev/signin", new { role = "coachee" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await client.PostAsJsonAsync("/api/dev/signin", new { role = "coachee" });
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        int.Parse(limited.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
    }
}
