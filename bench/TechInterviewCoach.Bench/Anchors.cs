using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using Npgsql;

namespace TechInterviewCoach.Bench;

/// <summary>What an anchor a figure is read against: the machine's own limits, measured in the same run.</summary>
public enum Anchor
{
    /// <summary>No ratio (memory, latency-only rows).</summary>
    None,
    /// <summary>Requests per second of a bare Kestrel JSON endpoint, from the same load generator.</summary>
    BareKestrel,
    /// <summary>Durable idempotent inserts per second of an event row into PostgreSQL (ON CONFLICT DO NOTHING, synchronous commit).</summary>
    RawInsert,
}

/// <summary>
/// The anchors every scenario figure is divided by. Absolute figures on a shared two-core machine swing with the other
/// load on it; a ratio to what the same machine does in the same run with nothing of ours in the way does not (as much).
/// </summary>
public static class Anchors
{
    public const string BareKestrelArgument = "--bare-kestrel";

    /// <summary>The bare endpoint: Kestrel, one minimal-API route answering a small JSON object, no middleware, no logging.</summary>
    public static async Task ServeBareKestrelAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/json", () => new BareAnswer("Hello, World!"));
        await app.RunAsync();
    }

    public sealed record BareAnswer(string Message);

    public static async Task<(double KestrelRps, double InsertRps, IReadOnlyList<Result> Rows)> MeasureAsync(Postgres postgres, TimeSpan duration, TimeSpan warmup)
    {
        var kestrel = await MeasureBareKestrelAsync(duration, warmup);
        var insert = await MeasureRawInsertAsync(await postgres.CreateDatabaseAsync("anchors"), duration, warmup);
        return (kestrel.Rps, insert.Rps,
        [
            new("anchors", "bare Kestrel GET /json (own process)", kestrel.Rps, kestrel.P50Ms, kestrel.P99Ms, null,
                $"32 concurrent, {kestrel.Requests} requests, {kestrel.Failures} failed; {kestrel.Tail}", Anchor.BareKestrel),
            new("anchors", "PostgreSQL INSERT … ON CONFLICT DO NOTHING (durable)", insert.Rps, insert.P50Ms, insert.P99Ms, null,
                $"32 connections, one event row per commit, synchronous_commit=on, {insert.Requests} inserts, {insert.Failures} failed; {insert.Tail}", Anchor.RawInsert),
        ]);
    }

    private static async Task<Load.Figures> MeasureBareKestrelAsync(TimeSpan duration, TimeSpan warmup)
    {
        var port = Postgres.FreePort();
        var self = typeof(Anchors).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet", $"\"{self}\" {BareKestrelArgument} http://127.0.0.1:{port}") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try { if ((await client.GetAsync("json")).IsSuccessStatusCode) break; }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
                await Task.Delay(100);
            }
            return await Load.RunAsync(duration, 32, async _ => (await client.GetAsync("json")).IsSuccessStatusCode, warmup);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Load.Figures> MeasureRawInsertAsync(string connectionString, TimeSpan duration, TimeSpan warmup)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("""
            CREATE TABLE anchor_events (id text PRIMARY KEY, type text NOT NULL, payload text NOT NULL, received_at timestamptz NOT NULL)
            """))
            await create.ExecuteNonQueryAsync();
        var payload = new string('x', 1_000);
        var run = Guid.NewGuid().ToString("N")[..8];
        return await Load.RunAsync(duration, 32, async i =>
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO anchor_events (id, type, payload, received_at) VALUES ($1, 'checkout.session.completed', $2, now()) ON CONFLICT (id) DO NOTHING");
            // The server runs with synchronous_commit on (its default), as the host's does. Every third id repeats, as a retried delivery would, so the conflict path is part of the anchor too.
            insert.Parameters.AddWithValue($"evt_{run}_{(i % 3 == 2 ? i - 1 : i)}");
            insert.Parameters.AddWithValue(payload);
            await insert.ExecuteNonQueryAsync();
            return true;
        }, warmup);
    }
}
