using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>
/// The whole app with its three vendors pointed at local stand-ins over real HTTP: Resend answers what a
/// test scripts for a recipient address (200 by default), PostHog and Rollbar accept everything.
/// </summary>
public class IntegrationsApp : AppFactory
{
    public const string ResendKey = "re_test_key_123";
    public const string PostHogKey = "phc_test_project_key";
    public const string RollbarToken = "rb_test_access_token";
    public const string From = "techinterview.coach <noreply@techinterview.test>";
    public const string BaseUrl = "https://app.techinterview.test";

    private readonly bool _withKeys;

    public IntegrationsApp() : this(withKeys: true) { }

    protected IntegrationsApp(bool withKeys) => _withKeys = withKeys;

    public StandIn Resend { get; private set; } = null!;
    public StandIn PostHog { get; private set; } = null!;
    public StandIn Rollbar { get; private set; } = null!;

    /// <summary>Answers Resend gives, in order, for one recipient address; then 200.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> ResendScript { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>PostHog answers this status while set (e.g. 503 for an outage).</summary>
    public int? PostHogFailure { get; set; }

    public IEnumerable<StandIn> StandIns => [Resend, PostHog, Rollbar];

    public string CvDirectory { get; } = Path.Combine(Path.GetTempPath(), "tic-int-cv-" + Guid.NewGuid().ToString("N"));

    /// <summary>Turns analytics off for the signed-in person through Identity's settings API, keeping the other settings.</summary>
    public static async Task OptOutOfAnalyticsAsync(HttpClient client)
    {
        var settings = await client.GetJsonAsync<JsonElement>("/api/identity/settings");
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, "/api/identity/settings", new
        {
            displayName = settings.GetProperty("displayName").GetString(),
            headline = settings.GetProperty("headline").GetString(),
            timeZone = settings.GetProperty("timeZone").GetString(),
            notificationEmail = settings.GetProperty("notificationEmail").GetString(),
            analyticsOptOut = true,
        });
        (await response.ReadJsonAsync<JsonElement>()).GetProperty("analyticsOptOut").GetBoolean().ShouldBeTrue();
    }

    public override async Task InitializeAsync()
    {
        Resend = await StandIn.StartAsync(app => app.MapPost("/emails", async (HttpContext context) =>
        {
            context.Request.Body.Position = 0;
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            var to = doc.RootElement.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Array ? t[0].GetString() ?? "" : "";
            if (ResendScript.TryGetValue(to, out var script) && script.TryDequeue(out var answer))
                return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
            return Results.Json(new { id = Guid.NewGuid().ToString() });
        }));
        PostHog = await StandIn.StartAsync(app => app.MapPost("/batch/", () =>
            PostHogFailure is { } status ? Results.StatusCode(status) : Results.Json(new { status = 1 })));
        Rollbar = await StandIn.StartAsync(app => app.MapPost("/api/1/item/", () =>
            Results.Json(new { err = 0, result = new { id = (string?)null, uuid = Guid.NewGuid().ToString() } })));

        Settings["Matching:CvStoragePath"] = CvDirectory;
        Settings["App:BaseUrl"] = BaseUrl;
        Settings["Email:From"] = From;
        Settings["Resend:ApiBase"] = Resend.BaseAddress.ToString().TrimEnd('/');
        Settings["PostHog:Host"] = PostHog.BaseAddress.ToString().TrimEnd('/');
        Settings["PostHog:FlushInterval"] = "00:00:00.100";
        Settings["PostHog:RetryDelay"] = "00:00:00.010";
        Settings["Resend:RetryDelay"] = "00:00:00.010";
        Settings["Rollbar:RetryDelay"] = "00:00:00.010";
        Settings["Rollbar:Endpoint"] = Rollbar.BaseAddress.ToString().TrimEnd('/');
        Settings["Rollbar:Environment"] = "integration-tests";
        Settings["Rollbar:CodeVersion"] = "test-sha";
        if (_withKeys)
        {
            Settings["Resend:ApiKey"] = ResendKey;
            Settings["PostHog:ApiKey"] = PostHogKey;
            Settings["Rollbar:AccessToken"] = RollbarToken;
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var s in new[] { Resend, PostHog, Rollbar }.Where(s => s is not null)) await s.DisposeAsync();
        try { Directory.Delete(CvDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Writes a notification to the outbox as a module would; returns the outbox message id.</summary>
    public Task<Guid> EnqueueAsync(INotification notification) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IntegrationsDbContext>();
        db.Enqueue(notification, sp.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
    });

    internal Task<EmailRecord?> EmailForAsync(Guid outboxMessageId) => InScopeAsync(sp =>
        sp.GetRequiredService<IntegrationsDbContext>().Emails.AsNoTracking().SingleOrDefaultAsync(e => e.OutboxMessageId == outboxMessageId));

    public Task<OutboxMessage> OutboxMessageAsync(Guid id) => InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Waits (up to 15 s) until a stand-in has received a request matching <paramref name="match"/>.</summary>
    public static async Task<RecordedRequest> WaitForAsync(StandIn standIn, Func<RecordedRequest, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var found = standIn.Requests.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(25);
        }
        throw new TimeoutException($"The stand-in never received {what}");
    }
}

/// <summary>The same app with no vendor keys at all.</summary>
public sealed class IntegrationsAppWithoutKeys() : IntegrationsApp(withKeys: false);
