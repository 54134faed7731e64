using System.Diagnostics;
using Npgsql;

namespace TechInterviewCoach.Platform.Tests;

public sealed class MigrationTests
{
    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_both_come_up_and_migrate_once()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("race");
        PlatformApp Make()
        {
            var f = new PlatformApp();
            f.Settings["ConnectionStrings:Postgres"] = connectionString;
            return f;
        }
        await using var a = Make();
        await using var b = Make();
        await Task.WhenAll(Task.Run(() => a.StartServer()), Task.Run(() => b.StartServer()));

        await a.CreateHttpsClient().ShouldBecomeReadyAsync();
        await b.CreateHttpsClient().ShouldBecomeReadyAsync();

        // Each migration is recorded once in its module's history, and exactly one process applied them.
        (await CountAsync(connectionString, "SELECT count(*) FROM identity.__ef_migrations")).ShouldBe(
            await CountAsync(connectionString, "SELECT count(DISTINCT \"MigrationId\") FROM identity.__ef_migrations"));
        var appliedBy = new[] { a.Logs.AllText, b.Logs.AllText }
            .Select(t => System.Text.RegularExpressions.Regex.Match(t, @"(\d+) migration\(s\) applied by this process").Groups[1].Value)
            .Select(int.Parse).ToList();
        appliedBy.Count(n => n > 0).ShouldBe(1);
        var recorded = 0L;
        foreach (var schema in new[] { "platform", "identity", "matching", "messaging", "orders", "integrations" })
            if (await CountAsync(connectionString, $"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = '__ef_migrations'") == 1)
                recorded += await CountAsync(connectionString, $"SELECT count(*) FROM {schema}.__ef_migrations");
        appliedBy.Sum().ShouldBe((int)recorded);
    }

    [Fact]
    public async Task Each_module_has_its_own_schema_on_postgres()
    {
        await using var app = new PlatformApp();
        await app.InitializeAsync();
        app.StartServer();
        var schemas = await CountAsync(app.ConnectionString,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('platform','identity') AND table_name IN ('outbox_messages','users')");
        schemas.ShouldBe(2);
    }

    [Fact]
    public async Task The_migrate_command_applies_migrations_and_exits()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("cmd");
        var hostDll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", $"\"{hostDll}\" migrate")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await output + await errors);
        (await CountAsync(connectionString, "SELECT count(*) FROM identity.__ef_migrations")).ShouldBeGreaterThan(0);
        (await output).ShouldNotContain("Now listening");
    }
}
