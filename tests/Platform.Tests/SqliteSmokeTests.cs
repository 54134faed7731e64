namespace TechInterviewCoach.Platform.Tests;

/// <summary>The embedded default that `dotnet run` uses: SQLite in a file, no configuration.</summary>
public sealed class SqliteSmokeTests : IAsyncLifetime
{
    private readonly PlatformApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_home_page_and_readiness_answer_on_sqlite()
    {
        var client = _app.CreateHttpsClient();
        var home = await client.GetPageAsync("/");
        home.QuerySelector("h1")!.TextContent.ShouldContain("tech interview");
        await client.ShouldBecomeReadyAsync();
    }

    [Fact]
    public async Task Data_survives_a_restart()
    {
        var user = await _app.CreateUserAsync("coach", "Restart Proof");
        var settings = new Dictionary<string, string?>(_app.Settings);
        await _app.DisposeAsyncKeepingFiles();

        await using var restarted = new PlatformApp { Database = TestDatabase.Sqlite };
        foreach (var (k, v) in settings) restarted.Settings[k] = v;
        var client = restarted.CreateHttpsClient();
        await client.SignInAsAsync(user.Id);
        var me = await client.GetJsonAsync<JsonElement>("/api/identity/me");
        me.GetProperty("displayName").GetString().ShouldBe("Restart Proof");
    }

    [Fact]
    public async Task Module_tables_carry_a_prefix_on_sqlite()
    {
        _app.StartServer();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_app.ConnectionString}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type='table' AND name IN ('identity_users','platform_outbox_messages')";
        ((string)(await command.ExecuteScalarAsync())!).Split(',').Length.ShouldBe(2);
    }
}

public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly PlatformApp _app = new() { Database = TestDatabase.Sqlite };

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Settings["DemoData:Seed"] = "true";
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Demo_people_are_seeded_once_and_offered_on_the_development_sign_in_page()
    {
        var page = await _app.CreateHttpsClient().GetPageAsync("/dev/signin");
        page.QuerySelectorAll("[data-testid=dev-signin-coach]").Length.ShouldBe(36);
        page.QuerySelectorAll("[data-testid=dev-signin-coachee]").Length.ShouldBe(1);
        page.QuerySelectorAll("[data-testid=dev-signin-admin]").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Development_sign_in_is_never_offered_in_production()
    {
        await using var production = new PlatformApp { Database = TestDatabase.Sqlite, Environment = "Production" };
        await production.InitializeAsync();
        production.Settings["Authentication:DevSignIn:Enabled"] = "true";
        var client = production.CreateHttpsClient();
        (await client.GetAsync("/dev/signin")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await client.PostAsync("/api/dev/signin", JsonContent.Create(new { role = "admin" }));
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
