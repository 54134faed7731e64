using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TechInterviewCoach.Integrations.Tests;

internal static class ConsentRequests
{
    /// <summary>Fetches a page with exactly the given cookies (no cookie container), returning the response and its parsed document.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(AppFactory app, string url, string? cookies)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (response, await TechInterviewCoach.TestKit.Pages.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    public static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>Signs in a new person without a cookie container; returns their id and auth cookie ("tic.auth=…").</summary>
    public static async Task<(Guid Id, string AuthCookie)> SignInAsync(AppFactory app, string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { role });
        var body = await response.ReadJsonAsync<System.Text.Json.JsonElement>();
        var auth = SetCookies(response).Single(c => c.StartsWith("tic.auth=")).Split(';')[0];
        return (body.GetProperty("userId").GetGuid(), auth);
    }
}

/// <summary>The browser side of analytics: the consent banner, the snippet, the cookie policy.</summary>
public sealed class ConsentTests(IntegrationsApp app) : IClassFixture<IntegrationsApp>
{
    private const string Snippet = "script[src='/_content/TechInterviewCoach.Integrations/js/analytics.js']";

    [Fact]
    public async Task Without_consent_there_is_a_banner_but_no_analytics_snippet_and_no_analytics_cookie()
    {
        var (response, page) = await ConsentRequests.GetAsync(app, "/", null);
        page.QuerySelector(".consent-banner").ShouldNotBeNull();
        page.QuerySelector("[data-consent=analytics]").ShouldNotBeNull();
        page.QuerySelector("[data-consent=declined]").ShouldNotBeNull();
        page.QuerySelector(Snippet).ShouldBeNull();
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"));
        ConsentRequests.SetCookies(response).ShouldNotContain(c => c.StartsWith("ph_") || c.StartsWith("tic.consent"));
    }

    [Fact]
    public async Task With_consent_and_a_key_the_snippet_loads_with_the_key_and_host_and_the_csp_allows_the_host()
    {
        var (response, page) = await ConsentRequests.GetAsync(app, "/", "tic.consent=analytics");
        var script = page.QuerySelector(Snippet);
        script.ShouldNotBeNull();
        script.GetAttribute("data-key").ShouldBe(IntegrationsApp.PostHogKey);
        var host = app.PostHog.BaseAddress.ToString().TrimEnd('/');
        script.GetAttribute("data-host").ShouldBe(host);
        page.QuerySelector(".consent-banner").ShouldBeNull();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain($"script-src 'self' {host}");
        csp.ShouldContain($"connect-src 'self' {host}");
        csp.ShouldNotContain("unsafe-inline");
    }

    [Fact]
    public async Task After_declining_there_is_neither_banner_nor_snippet()
    {
        var (_, page) = await ConsentRequests.GetAsync(app, "/", "tic.consent=declined");
        page.QuerySelector(".consent-banner").ShouldBeNull();
        page.QuerySelector(Snippet).ShouldBeNull();
    }

    [Fact]
    public async Task A_signed_in_person_who_turned_analytics_off_gets_no_snippet_even_with_the_cookie_consent()
    {
        var (id, auth) = await ConsentRequests.SignInAsync(app, Roles.Coachee);
        var (_, before) = await ConsentRequests.GetAsync(app, "/", $"{auth}; tic.consent=analytics");
        before.QuerySelector(Snippet)!.GetAttribute("data-distinct-id").ShouldBe(id.ToString());

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", auth);
        await IntegrationsApp.OptOutOfAnalyticsAsync(client);
        var (_, after) = await ConsentRequests.GetAsync(app, "/", $"{auth}; tic.consent=analytics");
        after.QuerySelector(Snippet).ShouldBeNull();
    }

    [Fact]
    public async Task The_cookie_policy_lists_every_cookie_the_app_sets()
    {
        var (_, page) = await ConsentRequests.GetAsync(app, "/cookies", null);
        var table = page.QuerySelector("[data-testid=cookie-table]")!.TextContent;
        foreach (var cookie in new[] { "tic.auth", "tic.xsrf", ".AspNetCore.Correlation.", "tic.device", "tic.consent", "ph_" }) table.ShouldContain(cookie);
    }
}

public sealed class ConsentWithoutKeyTests(IntegrationsAppWithoutKeys app) : IClassFixture<IntegrationsAppWithoutKeys>
{
    [Fact]
    public async Task Without_a_posthog_key_there_is_no_banner_and_no_snippet_even_with_consent()
    {
        var (response, page) = await ConsentRequests.GetAsync(app, "/", "tic.consent=analytics");
        page.QuerySelector(".consent-banner").ShouldBeNull();
        page.QuerySelector("script[src*='analytics.js']").ShouldBeNull();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
    }
}
