using System.IO.Compression;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>A new person signs in with LinkedIn (a local stand-in), onboards as a coachee, corrects the profile and exports.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdentityJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };
    private StandIn _linkedIn = null!;

    public async Task InitializeAsync()
    {
        // LinkedIn's three endpoints; the authorize endpoint sends the browser straight back, as after consent.
        _linkedIn = await StandIn.StartAsync(app =>
        {
            app.MapGet("/oauth/v2/authorization", (HttpContext http) => Results.Redirect(
                $"{http.Request.Query["redirect_uri"]}?code=journey-code&state={Uri.EscapeDataString(http.Request.Query["state"].ToString())}"));
            app.MapPost("/oauth/v2/accessToken", () => Results.Json(new { access_token = "journey-token", expires_in = 3600, token_type = "Bearer" }));
            app.MapGet("/v2/userinfo", () => Results.Json(new
            {
                sub = "journey-sub", name = "Jules Journey", given_name = "Jules", family_name = "Journey",
                email = "jules@example.test", email_verified = true,
            }));
        });
        await _app.InitializeAsync();
        _app.Settings["Authentication:LinkedIn:ClientId"] = "journey-client";
        _app.Settings["Authentication:LinkedIn:ClientSecret"] = "journey-secret";
        _app.Settings["Authentication:LinkedIn:AuthorizationEndpoint"] = new Uri(_linkedIn.BaseAddress, "oauth/v2/authorization").ToString();
        _app.Settings["Authentication:LinkedIn:TokenEndpoint"] = new Uri(_linkedIn.BaseAddress, "oauth/v2/accessToken").ToString();
        _app.Settings["Authentication:LinkedIn:UserInformationEndpoint"] = new Uri(_linkedIn.BaseAddress, "v2/userinfo").ToString();
        _app.ConfigureServices = ModuleExportsStandIn.Register;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _linkedIn.DisposeAsync();
    }

    [Fact]
    public async Task A_new_coachee_signs_in_with_LinkedIn_onboards_corrects_the_profile_and_exports_their_data()
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync("/signin");
        await page.ClickAsync("[data-testid=signin-linkedin]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/onboarding"), new() { Timeout = 30_000 });
        (await page.Locator("h1").TextContentAsync())!.ShouldContain("Jules Journey");

        await page.CheckAsync("[data-testid=role-coachee]");
        await page.SelectOptionAsync("select[name='Input.TimeZone']", "Europe/Berlin");
        await page.CheckAsync("[data-testid=confirm-age]");
        await page.CheckAsync("[data-testid=accept-terms]");
        await page.ClickAsync("[data-testid=onboarding-submit]");
        // After LinkedIn sign-in and onboarding the coachee lands on their next steps, not the marketing page.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_app.ServerAddress, "/home").ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=next-steps]")).ToContainTextAsync("Take the matching quiz");
        (await page.Locator("nav").TextContentAsync())!.ShouldContain("Quiz");

        await page.ClickAsync("nav >> text=Settings");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/settings$"), new() { Timeout = 30_000 });
        (await page.Locator("[data-testid=settings-area]").GetAttributeAsync("class"))!.ShouldContain("ph-no-capture");
        await page.FillAsync("#displayName", "");
        await page.FillAsync("#headline", "Backend engineer, targeting staff roles");
        await page.ClickAsync("[data-testid=settings-save]");
        (await page.Locator("[data-testid=error-displayName]").TextContentAsync())!.ShouldContain("Enter the name");
        await page.FillAsync("#displayName", "Jules Journeyman");
        await page.FillAsync("#notificationEmail", "jules.work@example.test");
        await page.ClickAsync("[data-testid=settings-save]");
        await page.Locator("[data-testid=settings-saved]").WaitForAsync();
        (await page.InputValueAsync("#displayName")).ShouldBe("Jules Journeyman");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-data]"));
        download.SuggestedFilename.ShouldEndWith(".zip");
        var path = Path.Combine(Path.GetTempPath(), "export-" + Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var identity = zip.GetEntry("identity.json").ShouldNotBeNull();
            using var reader = new StreamReader(identity.Open());
            var json = JsonSerializer.Deserialize<JsonElement>(await reader.ReadToEndAsync());
            json.GetProperty("profile").GetProperty("displayName").GetString().ShouldBe("Jules Journeyman");
            json.GetProperty("profile").GetProperty("headline").GetString().ShouldBe("Backend engineer, targeting staff roles");
        }
        finally { File.Delete(path); }

        _linkedIn.RequestsTo("GET", "/v2/userinfo").ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer journey-token");
        errors.ShouldBeEmpty("no CSP violations or script errors on the way");
    }

    /// <summary>Stands in for the other modules' export handlers until they are on main (a test registration wins over a real one).</summary>
    private static class ModuleExportsStandIn
    {
        public static void Register(IServiceCollection services)
        {
            services.AddTransient<IRequestHandler<ExportMatchingData, PersonalDataPart>, Matching>();
            services.AddTransient<IRequestHandler<ExportMessagingData, PersonalDataPart>, Messaging>();
            services.AddTransient<IRequestHandler<ExportOrdersData, PersonalDataPart>, Orders>();
        }

        private sealed class Matching : IRequestHandler<ExportMatchingData, PersonalDataPart>
        {
            public Task<PersonalDataPart> Handle(ExportMatchingData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("matching", new { r.UserId }, []));
        }

        private sealed class Messaging : IRequestHandler<ExportMessagingData, PersonalDataPart>
        {
            public Task<PersonalDataPart> Handle(ExportMessagingData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("messaging", new { r.UserId }, []));
        }

        private sealed class Orders : IRequestHandler<ExportOrdersData, PersonalDataPart>
        {
            public Task<PersonalDataPart> Handle(ExportOrdersData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("orders", new { r.UserId }, []));
        }
    }
}
