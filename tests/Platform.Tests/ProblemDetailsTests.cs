using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TechInterviewCoach.Platform.Tests;

public sealed class ProblemDetailsTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    [Fact]
    public async Task Invalid_input_to_the_api_is_a_400_problem_with_field_errors_and_a_code()
    {
        var client = app.CreateHttpsClient();
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { role = "boss", email = "not-an-email" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.FieldErrors();
        errors.Keys.ShouldBe(["role", "email"], ignoreOrder: true);
        errors["role"].ShouldContain("Role must be coachee, coach or admin.");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var client = app.CreateHttpsClient();
        var response = await client.PostAsync("/api/dev/signin", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        // Unreadable JSON is named like a field fault (docs/decisions/0014): the whole body here.
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_input");
        problem.FieldErrors().Keys.ShouldContain("body");
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await app.CreateHttpsClient().GetAsync("/api/no-such-thing");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_page()
    {
        var page = await app.CreateHttpsClient().GetPageAsync("/no-such-page", HttpStatusCode.NotFound);
        page.QuerySelector("[data-testid=error-message]")!.TextContent.ShouldBe("We could not find that page.");
    }

    [Fact]
    public async Task An_anonymous_api_call_that_needs_a_session_is_a_401_problem_not_a_redirect()
    {
        var response = await app.CreateHttpsClient().GetAsync("/api/identity/me");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Client_errors_are_not_logged_as_failures()
    {
        var client = app.CreateHttpsClient();
        await client.PostAsJsonAsync("/api/dev/signin", new { role = "nobody-role-marker" });
        app.Logs.Lines.Where(l => l.StartsWith("Error") || l.StartsWith("Critical")).ShouldBeEmpty();
    }
}

/// <summary>A thrown exception in Production: a 500 problem that says nothing about the internals.</summary>
public sealed class UnhandledExceptionTests : IAsyncLifetime
{
    private sealed class ThrowingApp : PlatformApp
    {
        public ThrowingApp()
        {
            Environment = "Production";
            ConfigureServices = s => s.AddSingleton<IStartupFilter>(new ThrowAfterPipeline());
        }
    }

    /// <summary>Appends a route that throws after the app's own pipeline, so the app's exception handling wraps it.</summary>
    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/test/boom", b => b.Run(_ => throw new InvalidOperationException("connection to db-7 failed for jane@example.com")));
        };
    }

    private readonly ThrowingApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_thrown_exception_is_a_500_problem_without_a_stack_trace_in_production()
    {
        var response = await _app.CreateHttpsClient().GetAsync("/api/test/boom");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        var text = problem.ToString();
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain("db-7");
        text.ShouldNotContain(" at ");
        problem.TryGetProperty("detail", out _).ShouldBeFalse();
    }
}
