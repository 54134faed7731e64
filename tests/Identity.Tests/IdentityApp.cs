using System.Collections.Concurrent;
using System.Data.Common;
using System.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Identity.Tests;

/// <summary>
/// Stand-ins for the other modules' export and deletion-blocker handlers, registered with app.ConfigureServices while
/// those modules' handlers are not on main yet. A test registration comes last, so it wins over a real one.
/// </summary>
internal static class ModuleExportsStandIn
{
    public static void Register(IServiceCollection services, DeletionBlockersStandIn blockers, bool standInForMatching = true)
    {
        services.AddSingleton(blockers);
        if (standInForMatching) services.AddTransient<IRequestHandler<ExportMatchingData, PersonalDataPart>, MatchingExport>();
        services.AddTransient<IRequestHandler<ExportMessagingData, PersonalDataPart>, MessagingExport>();
        services.AddTransient<IRequestHandler<ExportOrdersData, PersonalDataPart>, OrdersExport>();
        services.AddTransient<IRequestHandler<GetDeletionBlockers, IReadOnlyList<string>>, BlockersHandler>();
    }

    public static readonly byte[] CvPdf = "%PDF-1.4 stand-in CV"u8.ToArray();

    private sealed class MatchingExport : IRequestHandler<ExportMatchingData, PersonalDataPart>
    {
        public Task<PersonalDataPart> Handle(ExportMatchingData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("matching",
            new { userId = r.UserId, quiz = new { targetCompany = "StandInCorp" } },
            [new PersonalDataFile("cv.pdf", "application/pdf", CvPdf)]));
    }

    private sealed class MessagingExport : IRequestHandler<ExportMessagingData, PersonalDataPart>
    {
        public Task<PersonalDataPart> Handle(ExportMessagingData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("messaging",
            new { userId = r.UserId, conversations = new[] { new { messages = new[] { "stand-in message" } } } }, []));
    }

    private sealed class OrdersExport : IRequestHandler<ExportOrdersData, PersonalDataPart>
    {
        public Task<PersonalDataPart> Handle(ExportOrdersData r, CancellationToken ct) => Task.FromResult(new PersonalDataPart("orders",
            new { userId = r.UserId, orders = new[] { new { status = "stand-in-paid" } } }, []));
    }

    private sealed class BlockersHandler(DeletionBlockersStandIn blockers) : IRequestHandler<GetDeletionBlockers, IReadOnlyList<string>>
    {
        public Task<IReadOnlyList<string>> Handle(GetDeletionBlockers r, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>(blockers.For.TryGetValue(r.UserId, out var reasons) ? reasons : []);
    }
}

/// <summary>What the Orders stand-in answers to GetDeletionBlockers, per person.</summary>
internal sealed class DeletionBlockersStandIn
{
    public ConcurrentDictionary<Guid, string[]> For { get; } = new();
}

/// <summary>A local stand-in of LinkedIn's token and userinfo endpoints, whose answers each test can set.</summary>
internal sealed class LinkedInStandIn
{
    public HttpStatusCode TokenStatus { get; set; } = HttpStatusCode.OK;
    public HttpStatusCode UserInfoStatus { get; set; } = HttpStatusCode.OK;
    public Dictionary<string, object?> UserInfo { get; set; } = Person("sub-1", "Lin Kedin", "lin@example.test");
    public StandIn Server { get; private set; } = null!;

    public static Dictionary<string, object?> Person(string sub, string name, string? email) => new()
    {
        ["sub"] = sub, ["name"] = name, ["given_name"] = name.Split(' ')[0], ["family_name"] = name.Split(' ').Last(),
        ["email"] = email, ["email_verified"] = true, ["picture"] = "https://media.licdn.example/p/" + sub + ".jpg", ["locale"] = "en_US",
    };

    public void Reset()
    {
        TokenStatus = HttpStatusCode.OK;
        UserInfoStatus = HttpStatusCode.OK;
        UserInfo = Person("sub-1", "Lin Kedin", "lin@example.test");
        Server.Clear();
    }

    public async Task StartAsync()
    {
        Server = await StandIn.StartAsync(app =>
        {
            // The browser-facing authorize endpoint: sends the browser straight back, as LinkedIn does after consent.
            app.MapGet("/oauth/v2/authorization", (HttpContext http) =>
            {
                var q = http.Request.Query;
                return Results.Redirect($"{q["redirect_uri"]}?code=code-{Guid.NewGuid():N}&state={Uri.EscapeDataString(q["state"].ToString())}");
            });
            app.MapPost("/oauth/v2/accessToken", () => TokenStatus == HttpStatusCode.OK
                ? Results.Json(new { access_token = "at-" + UserInfo["sub"], expires_in = 3600, token_type = "Bearer", scope = "openid,profile,email" })
                : Results.Json(new { error = "server_error" }, statusCode: (int)TokenStatus));
            app.MapGet("/v2/userinfo", () => UserInfoStatus == HttpStatusCode.OK
                ? Results.Json(UserInfo.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value))
                : Results.Json(new { message = "unavailable" }, statusCode: (int)UserInfoStatus));
        });
    }

    public void Configure(AppFactory app)
    {
        app.Settings["Authentication:LinkedIn:ClientId"] = "client-abc";
        app.Settings["Authentication:LinkedIn:ClientSecret"] = "secret-xyz";
        app.Settings["Authentication:LinkedIn:AuthorizationEndpoint"] = new Uri(Server.BaseAddress, "oauth/v2/authorization").ToString();
        app.Settings["Authentication:LinkedIn:TokenEndpoint"] = new Uri(Server.BaseAddress, "oauth/v2/accessToken").ToString();
        app.Settings["Authentication:LinkedIn:UserInformationEndpoint"] = new Uri(Server.BaseAddress, "v2/userinfo").ToString();
    }
}

/// <summary>The app with LinkedIn pointed at the stand-in, and the other modules' handlers stood in.</summary>
public class IdentityApp : AppFactory
{
    public IdentityApp() : this(standInForMatching: true) { }

    protected IdentityApp(bool standInForMatching)
    {
        StandInForMatching = standInForMatching;
        Settings["Matching:CvStoragePath"] = CvDirectory;
    }

    public string CvDirectory { get; } = Path.Combine(Path.GetTempPath(), "tic-identity-cv-" + Guid.NewGuid().ToString("N"));

    internal LinkedInStandIn LinkedIn { get; } = new();
    /// <summary>False: the real Matching module answers the export (it is on main).</summary>
    public bool StandInForMatching { get; }
    internal DeletionBlockersStandIn Blockers { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LinkedIn.StartAsync();
        LinkedIn.Configure(this);
        Settings["Admin:Emails:0"] = "Boss@Example.test";
        ConfigureServices = services => ModuleExportsStandIn.Register(services, Blockers, StandInForMatching);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (LinkedIn.Server is not null) await LinkedIn.Server.DisposeAsync();
        try { Directory.Delete(CvDirectory, recursive: true); } catch (IOException) { }
    }

    internal Task<T> InIdentityAsync<T>(Func<IdentityDbContext, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<IdentityDbContext>()));

    internal Task<int> CountUsersAsync() => InIdentityAsync(db => db.Users.CountAsync());

    /// <summary>Outbox rows whose type ends with <paramref name="typeSuffix"/>.</summary>
    internal Task<List<OutboxMessage>> OutboxAsync(string typeSuffix) =>
        InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Type.EndsWith(typeSuffix)).ToListAsync());

    /// <summary>A person who signed in but has not onboarded yet, with a signed-in client.</summary>
    internal async Task<TestUser> CreateNotOnboardedAsync(string name = "New Person", string email = "new@example.test")
    {
        var id = await InIdentityAsync(async db =>
        {
            var u = new User { Id = Guid.CreateVersion7(), DisplayName = name, Email = email, TimeZone = "UTC", CreatedAt = DateTime.UtcNow, LinkedInSub = "sub-" + Guid.NewGuid() };
            db.Users.Add(u);
            await db.SaveChangesAsync();
            return u.Id;
        });
        var client = CreateHttpsClient();
        await client.SignInAsAsync(id);
        return new TestUser(id, "", client);
    }

    /// <summary>Every text value in the identity tables, read with plain SQL (not through the model).</summary>
    internal Task<string> AllIdentityTextAsync() => AllSchemaTextAsync("identity");

    /// <summary>Every text value in every table of a module's schema (PostgreSQL), read with plain SQL.</summary>
    internal Task<string> AllSchemaTextAsync(string schema) => InIdentityAsync(async db =>
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' AND table_name NOT LIKE '\\_\\_ef%'";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.ShouldNotBeEmpty();
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{schema}\".\"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i)) text.Append(reader.GetValue(i)).Append('|');
        }
        return text.ToString();
    });
}

/// <summary>The app with the modules that are on main answering for themselves (Matching); the rest stood in.</summary>
public sealed class RealMatchingApp : IdentityApp
{
    public RealMatchingApp() : base(standInForMatching: false) { }
}

internal static class LinkedInFlow
{
    public sealed record Challenge(Uri Authorize, IReadOnlyDictionary<string, string> Query);

    public static async Task<Challenge> StartAsync(HttpClient client, string returnUrl = "/")
    {
        var response = await client.GetAsync("/signin/linkedin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        return new Challenge(location, query.AllKeys.ToDictionary(k => k!, k => query[k]!));
    }

    /// <summary>LinkedIn sends the browser back with a code and the state; returns the app's answer to the callback.</summary>
    public static Task<HttpResponseMessage> CallbackAsync(HttpClient client, string query) => client.GetAsync("/signin-linkedin?" + query);

    /// <summary>The whole round trip; returns the final redirect of /signin/complete.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string returnUrl = "/")
    {
        var challenge = await StartAsync(client, returnUrl);
        var callback = await CallbackAsync(client, $"code=code-1&state={Uri.EscapeDataString(challenge.Query["state"])}");
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        var next = callback.Headers.Location!.ToString();
        if (!next.StartsWith("/signin/complete", StringComparison.Ordinal)) return callback;
        return await client.GetAsync(next);
    }

    public static async Task<string> FailureReasonAsync(HttpClient client, HttpResponseMessage callback)
    {
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        var location = callback.Headers.Location!.ToString();
        location.ShouldStartWith("/signin/failed?reason=");
        var page = await client.GetPageAsync(location);
        return page.QuerySelector("[data-testid=signin-failed]")!.GetAttribute("data-reason")!;
    }

    public static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
