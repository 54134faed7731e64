using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>The app with a route, added after its pipeline, that throws an exception quoting personal data.</summary>
public sealed class ThrowingIntegrationsApp : IntegrationsApp
{
    public ThrowingIntegrationsApp() => ConfigureServices = s => s.AddSingleton<IStartupFilter>(new ThrowAfterPipeline());

    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/test/boom", b => b.Run(_ => throw new InvalidOperationException("connection to db-7 failed for jane@example.com")));
        };
    }
}

/// <summary>Error reports through a Rollbar stand-in over real HTTP.</summary>
public sealed class ErrorReportingTests(ThrowingIntegrationsApp app) : IClassFixture<ThrowingIntegrationsApp>
{
    [Fact]
    public async Task A_thrown_exception_arrives_with_the_access_token_and_without_cookies_headers_query_values_or_emails()
    {
        var user = await app.CreateUserAsync(Roles.Coachee, "Thrower");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/test/boom?email=jane%40example.com&q=query-secret-value");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bearer-secret-value");
        var response = await user.Client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(500);

        var item = await IntegrationsApp.WaitForAsync(app.Rollbar, r => r.Path == "/api/1/item/" && r.Body.Contains("db-7"), "the error report");
        item.Method.ShouldBe("POST");
        item.Header("X-Rollbar-Access-Token").ShouldBe(IntegrationsApp.RollbarToken);
        using var doc = JsonDocument.Parse(item.Body);
        var data = doc.RootElement.GetProperty("data");
        data.GetProperty("environment").GetString().ShouldBe("integration-tests");
        data.GetProperty("code_version").GetString().ShouldBe("test-sha");
        data.GetProperty("level").GetString().ShouldBe("error");
        data.GetProperty("language").GetString().ShouldNotBeNullOrEmpty();
        data.GetProperty("platform").GetString().ShouldNotBeNullOrEmpty();
        var trace = data.GetProperty("body").GetProperty("trace");
        trace.GetProperty("exception").GetProperty("class").GetString().ShouldBe("System.InvalidOperationException");
        trace.GetProperty("exception").GetProperty("message").GetString().ShouldBe("connection to db-7 failed for [email]");
        trace.GetProperty("frames").GetArrayLength().ShouldBeGreaterThan(0);
        var req = data.GetProperty("request");
        req.GetProperty("url").GetString().ShouldBe("/api/test/boom");
        req.GetProperty("method").GetString().ShouldBe("GET");
        req.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(["url", "method", "route"]);
        data.GetProperty("person").EnumerateObject().Select(p => p.Name).ShouldBe(["id"]);
        data.GetProperty("person").GetProperty("id").GetString().ShouldBe(user.Id.ToString());

        var body = item.Body;
        body.ShouldNotContain("jane@example.com");
        body.ShouldNotContain("jane%40example.com");
        body.ShouldNotContain("query-secret-value");
        body.ShouldNotContain("bearer-secret-value");
        body.ShouldNotContain("tic.auth");
        body.ShouldNotContain("Thrower");
        body.ShouldNotContain("\"headers\"");
        body.ShouldNotContain("\"cookies\"");
        app.Rollbar.Requests.Count(r => r.Body.Contains("db-7")).ShouldBe(1); // logged twice by the pipeline, reported once
    }

    [Fact]
    public async Task An_exception_in_background_work_is_reported_without_a_request_or_person()
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TechInterviewCoach.Orders.PayoutJob");
        logger.LogError(new TimeoutException("payout job 77 timed out for someone@example.com"), "Background job failed");

        var item = await IntegrationsApp.WaitForAsync(app.Rollbar, r => r.Body.Contains("payout job 77"), "the background error");
        using var doc = JsonDocument.Parse(item.Body);
        var data = doc.RootElement.GetProperty("data");
        data.TryGetProperty("request", out _).ShouldBeFalse();
        data.TryGetProperty("person", out _).ShouldBeFalse();
        item.Body.ShouldNotContain("someone@example.com");
    }

    [Fact]
    public async Task Errors_without_an_exception_and_warnings_are_not_reported()
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TechInterviewCoach.Somewhere");
        logger.LogError("plain error marker-8812");
        logger.LogWarning(new Exception("warning marker-8813"), "a warning");
        logger.LogError(new Exception("sync marker-8814"), "the one that counts");
        await IntegrationsApp.WaitForAsync(app.Rollbar, r => r.Body.Contains("marker-8814"), "the error with an exception");
        app.Rollbar.AllTraffic.ShouldNotContain("marker-8812");
        app.Rollbar.AllTraffic.ShouldNotContain("marker-8813");
    }
}

/// <summary>A burst of errors: at most Rollbar:MaxItemsPerMinute reports leave; the rest are counted and dropped.</summary>
public sealed class ErrorBurstApp : IntegrationsApp
{
    public ErrorBurstApp() => Settings["Rollbar:MaxItemsPerMinute"] = "3";
}

public sealed class ErrorBurstTests(ErrorBurstApp app) : IClassFixture<ErrorBurstApp>
{
    [Fact]
    public async Task A_burst_of_errors_sends_at_most_the_cap_per_minute_and_never_blocks_the_caller()
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TechInterviewCoach.Burst");
        for (var i = 0; i < 20; i++) logger.LogError(new InvalidOperationException($"burst-{i}"), "Burst");

        var queue = app.Services.GetRequiredService<RollbarQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((queue.Reader.Count > 0 || app.Rollbar.Requests.Count < 3) && DateTime.UtcNow < deadline) await Task.Delay(25);
        app.Rollbar.Requests.Count(r => r.Body.Contains("burst-")).ShouldBe(3);
    }
}

/// <summary>What the logger captures at log time, without an app.</summary>
public sealed class ErrorCaptureTests
{
    [Fact]
    public void The_route_template_path_method_and_user_id_are_captured_and_the_query_headers_and_cookies_are_not()
    {
        var options = Options.Create(new RollbarOptions { AccessToken = "t" });
        var queue = new RollbarQueue(options);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/orders/123";
        context.Request.QueryString = new QueryString("?email=a%40b.test&secret=xyz");
        context.Request.Headers.Cookie = "tic.auth=cookie-value";
        context.Request.Headers.Authorization = "Bearer token-value";
        var userId = Guid.NewGuid();
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Email, "a@b.test")], "test"));
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/orders/{id}"), 0, EndpointMetadataCollection.Empty, "orders"));
        var provider = new RollbarLoggerProvider(queue, new HttpContextAccessor { HttpContext = context }, TimeProvider.System);

        provider.CreateLogger("Test").LogError(new Exception("failed for a@b.test"), "boom");

        queue.Reader.TryRead(out var report).ShouldBeTrue();
        report!.Route.ShouldBe("/api/orders/{id}");
        report.Path.ShouldBe("/api/orders/123");
        report.Method.ShouldBe("POST");
        report.UserId.ShouldBe(userId.ToString());
        report.Chain.Single().Message.ShouldBe("failed for [email]");
        var env = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };
        var payload = new RollbarClient(new HttpClient(), options, env).Payload(report).ToJsonString();
        payload.ShouldNotContain("xyz");
        payload.ShouldNotContain("a@b.test");
        payload.ShouldNotContain("a%40b.test");
        payload.ShouldNotContain("cookie-value");
        payload.ShouldNotContain("token-value");
        payload.ShouldContain("\"environment\":\"production\"");
    }

    [Fact]
    public void Nothing_is_captured_without_an_access_token()
    {
        var queue = new RollbarQueue(Options.Create(new RollbarOptions()));
        var provider = new RollbarLoggerProvider(queue, new HttpContextAccessor(), TimeProvider.System);
        provider.CreateLogger("Test").LogError(new Exception("x"), "boom");
        queue.Reader.TryRead(out _).ShouldBeFalse();
    }
}
