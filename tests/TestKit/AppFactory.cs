using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Outbox;

namespace TechInterviewCoach.TestKit;

public enum TestDatabase { Postgres, Sqlite }

/// <summary>
/// The whole app, as Program.cs composes it, on a fresh database: PostgreSQL by default, SQLite for the
/// smoke suite. Use as an xunit class fixture (one app and database per test class), or create one per test
/// with <see cref="StartAsync"/>. Set <see cref="Settings"/> before first use to change configuration.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _sqliteDirectory;

    public AppFactory()
    {
        foreach (var (key, value) in TestDefaults) Settings[key] = value;
    }

    /// <summary>What every test app gets unless a test says otherwise.</summary>
    public static readonly IReadOnlyDictionary<string, string?> TestDefaults = new Dictionary<string, string?>
    {
        ["Authentication:DevSignIn:Enabled"] = "true",
        ["DemoData:Seed"] = "false",
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:BaseBackoff"] = "00:00:00.050",
        ["Outbox:MaxBackoff"] = "00:00:01",
        ["RateLimits:auth:PermitsPerMinute"] = "100000",
        ["RateLimits:writes:PermitsPerMinute"] = "100000",
        ["RateLimits:messages:PermitsPerMinute"] = "100000",
        ["RateLimits:uploads:PermitsPerMinute"] = "100000",
        ["Logging:LogLevel:Default"] = "Information",
        // Tests read their own writes: a request waits for the match snapshot's rebuild. The bounded wait has a test of its own.
        ["Matching:SnapshotRebuildWaitMilliseconds"] = "60000",
    };

    public TestDatabase Database { get; init; } = TestDatabase.Postgres;
    public Dictionary<string, string?> Settings { get; } = new();
    public string Environment { get; set; } = "Testing";
    public LogCapture Logs { get; } = new();
    /// <summary>Replaces the app's clock when set before first use (Microsoft.Extensions.TimeProvider.Testing; it fakes timers made from it too).</summary>
    public FakeTimeProvider? Clock { get; set; }
    public string ConnectionString { get; private set; } = "";
    /// <summary>Extra service registrations, applied after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
    /// <summary>Serve over Kestrel on 127.0.0.1 (for a real browser) instead of the in-memory test server.</summary>
    public bool UseRealServer { get; set; }

    public virtual async Task InitializeAsync()
    {
        if (UseRealServer) UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        if (Database == TestDatabase.Postgres)
        {
            ConnectionString = await PostgresServer.CreateDatabaseAsync();
            Settings["ConnectionStrings:Postgres"] = ConnectionString;
        }
        else
        {
            _sqliteDirectory ??= Path.Combine(Path.GetTempPath(), "tic-sqlite-" + Guid.NewGuid().ToString("N"));
            Settings["ConnectionStrings:Postgres"] = "";
            Settings["Database:SqlitePath"] = Path.Combine(_sqliteDirectory, "app.db");
            ConnectionString = Settings["Database:SqlitePath"]!;
        }
    }

    /// <summary>Creates, initialises and starts an app (for tests that need one of their own).</summary>
    public static async Task<T> StartAsync<T>(T factory) where T : AppFactory
    {
        await factory.InitializeAsync();
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null) services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>The address of the real server (after StartServer with <see cref="UseRealServer"/>).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1"));
        }
    }

    /// <summary>A client for the in-memory server over https://localhost (the auth cookie is Secure), without following redirects.</summary>
    public HttpClient CreateHttpsClient(bool followRedirects = false, string host = "localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{host}"), AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A client signed in as a brand-new, onboarded person with the given role (through the dev sign-in endpoint).</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? displayName = null, string? email = null, string? timeZone = null)
    {
        var client = CreateHttpsClient();
        var id = await client.SignInAsNewAsync(role, displayName, email, timeZone);
        return new TestUser(id, role, client);
    }

    /// <summary>Runs <paramref name="action"/> with a service scope of the app (to ask the mediator or a DbContext directly).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Waits until the outbox has nothing pending that is due within <paramref name="horizon"/> (default 5 s):
    /// every message handled or dead-lettered, retries included (tests use short backoffs).
    /// </summary>
    public async Task WaitForOutboxAsync(TimeSpan? timeout = null, TimeSpan? horizon = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var pending = await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                var due = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime + (horizon ?? TimeSpan.FromSeconds(5));
                return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= due);
            });
            if (pending == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{pending} outbox message(s) still pending");
            await Task.Delay(25);
        }
    }

    /// <summary>Stops the app but keeps its SQLite file, to start another app on it (a restart).</summary>
    public async Task DisposeAsyncKeepingFiles()
    {
        _keepFiles = true;
        await DisposeAsync();
    }

    private bool _keepFiles;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteDirectory is not null && !_keepFiles)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDirectory, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A signed-in person and their own cookie-carrying client.</summary>
public sealed record TestUser(Guid Id, string Role, HttpClient Client);
