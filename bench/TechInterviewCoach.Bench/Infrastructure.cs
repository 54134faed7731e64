using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using Npgsql;

namespace TechInterviewCoach.Bench;

/// <summary>A throwaway PostgreSQL for the benchmark run (the same recipe as the tests' server).</summary>
public sealed class Postgres : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly bool _asRoot;
    public int Port { get; }

    private Postgres(string dir, string bin, bool asRoot, int port) { _dir = dir; _bin = bin; _asRoot = asRoot; Port = port; }

    public static async Task<Postgres> StartAsync()
    {
        var bin = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : [])
            .First(d => File.Exists(Path.Combine(d, "initdb")));
        var dir = Path.Combine(Path.GetTempPath(), "tic-pg-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await Run("chown", $"postgres: {dir}", false);
        await Run("chmod", $"700 {dir}", false);
        var port = FreePort();
        await Run(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        // Durable settings, unlike the tests' server: figures should resemble production.
        var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='{dir}' -c max_connections=400 -c shared_buffers=512MB";
        await Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/server.log -w -t 60 -o \"{options}\" start", asRoot);
        return new Postgres(dir, bin, asRoot, port);
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=100";
    }

    public async ValueTask DisposeAsync()
    {
        try { await Run(Path.Combine(_bin, "pg_ctl"), $"-D {_dir}/data -m fast -w stop", _asRoot); Directory.Delete(_dir, true); }
        catch (Exception ex) { Console.Error.WriteLine($"stopping PostgreSQL: {ex.Message}"); }
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    internal static async Task Run(string file, string args, bool asPostgres)
    {
        var psi = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}") : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: {await err}");
    }
}

/// <summary>The host under test, as its own process (Release build, Production-like settings, plain HTTP on loopback).</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;

    private HostProcess(Process process, Uri baseAddress, string hostDll, IReadOnlyDictionary<string, string> settings)
    {
        _process = process; BaseAddress = baseAddress; HostDll = hostDll; Settings = settings;
    }

    public string HostDll { get; }
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<HostProcess> StartAsync(string hostDll, string connectionString, IReadOnlyDictionary<string, string> extra)
    {
        var port = Postgres.FreePort();
        var psi = new ProcessStartInfo("dotnet", $"\"{hostDll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // "Benchmark" is neither Development nor Production: dev sign-in may be enabled for load, demo data is off.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        psi.Environment["Authentication__DevSignIn__Enabled"] = "true";
        psi.Environment["Security__RequireHttps"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var policy in new[] { "auth", "writes", "messages", "uploads", "webhooks" })
            psi.Environment[$"RateLimits__{policy}__PermitsPerMinute"] = "10000000";
        foreach (var (k, v) in extra) psi.Environment[k.Replace(":", "__")] = v;
        var process = Process.Start(psi)!;
        _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
        var stderr = new System.Text.StringBuilder();
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is { } l) stderr.AppendLine(l); });
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"), hostDll, extra);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        // Start-up (migrations, the match snapshot's warm-up) took over a minute at a load average above 100 on 2 cores.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"host exited: {stderr}");
            try { if ((await client.GetAsync("healthz/ready")).IsSuccessStatusCode) return host; } catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"host did not become ready in 180 s: {stderr}");
    }

    /// <summary>Resident memory of the host process in MiB (VmRSS).</summary>
    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>
    /// Resident memory after a full blocking GC of the host: an EventPipe session asking for the runtime provider's
    /// GCHeapCollect keyword makes the runtime collect (what dotnet-gcdump does); then a short pause for the GC to
    /// finish and return what it freed, and VmRSS is read. (GC.Collect in this process would only collect the harness.)
    /// </summary>
    public async Task<double> RssAfterGcMiBAsync()
    {
        const long gcKeyword = 0x1, gcHeapCollectKeyword = 0x800000;
        var client = new Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient(_process.Id);
        for (var i = 0; i < 2; i++)
        {
            using var session = client.StartEventPipeSession(
                new Microsoft.Diagnostics.NETCore.Client.EventPipeProvider("Microsoft-Windows-DotNETRuntime",
                    System.Diagnostics.Tracing.EventLevel.Informational, gcKeyword | gcHeapCollectKeyword), requestRundown: false);
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(1500);
            await session.StopAsync(CancellationToken.None);
            await drain.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        }
        await Task.Delay(1000);
        return RssMiB();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}

public sealed record BenchContext(HostProcess Host, string ConnectionString)
{
    /// <summary>A second host process on the same database (for scenarios across instances).</summary>
    public Task<HostProcess> StartSecondHostAsync() => HostProcess.StartAsync(Host.HostDll, ConnectionString, Host.Settings);

    public Dictionary<string, object> State { get; } = new();

    /// <summary>A client pool sharing one handler, as a load balancer's connections would.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as a new person with the role (through the dev sign-in endpoint).</summary>
    public async Task<(HttpClient Client, Guid UserId)> SignedInClientAsync(string role, string? name = null)
    {
        var client = NewClient();
        var response = await client.PostAsync("api/dev/signin", System.Net.Http.Json.JsonContent.Create(new { role, displayName = name }));
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (client, json.GetProperty("userId").GetGuid());
    }
}
