namespace TechInterviewCoach.Platform.Tests;

public sealed class HealthAndApiTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_when_the_database_is_reachable()
    {
        var client = app.CreateHttpsClient();
        (await client.GetAsync("/healthz/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.ShouldBecomeReadyAsync();
        var ready = await client.GetAsync("/healthz/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_checks_are_not_redirected_to_https()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false }); // plain http, as a load balancer probes
        (await client.GetAsync("/healthz/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.RedirectKeepVerb);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_json_api()
    {
        var doc = await app.CreateHttpsClient().GetStringAsync("/openapi/v1.json");
        doc.ShouldContain("\"openapi\"");
        doc.ShouldContain("/api/identity/me");
    }

    [Fact]
    public async Task A_signed_in_person_reads_their_own_summary()
    {
        var user = await app.CreateUserAsync("coach", "Kim Coach", timeZone: "Europe/Berlin");
        var me = await user.Client.GetJsonAsync<System.Text.Json.JsonElement>("/api/identity/me");
        me.GetProperty("displayName").GetString().ShouldBe("Kim Coach");
        me.GetProperty("timeZone").GetString().ShouldBe("Europe/Berlin");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["coach"]);
    }
}

public sealed class StaticAssetTests(PlatformApp app) : IClassFixture<PlatformApp>
{
    [Fact]
    public async Task A_modules_script_is_served_from_its_content_path()
    {
        var response = await app.CreateHttpsClient().GetAsync("/_content/TechInterviewCoach.Identity/js/identity.js");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }
}
