using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace TechInterviewCoach.TestKit;

/// <summary>
/// A throwaway PostgreSQL server for this test process, started from the machine's binaries on first use
/// (initdb + pg_ctl, about a second) and stopped when the process exits. Each app under test gets a fresh
/// database on it. As root the server runs as the postgres user, which PostgreSQL requires.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Instance>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var server = await Server.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)].ToLowerInvariant();
        await using (var conn = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return server.ConnectionString(name);
    }

    private sealed record Instance(string Directory, int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";
    }

    private static async Task<Instance> StartAsync()
    {
        var bin = FindBinDirectory();
        var dir = Path.Combine(Path.GetTempPath(), $"tic-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        System.IO.Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres: {dir}", asPostgres: false);
        await RunAsync("chmod", $"700 {dir}", asPostgres: false);
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='{dir}' -c fsync=off " +
                      "-c synchronous_commit=off -c full_page_writes=off -c max_connections=600 -c shared_buffers=64MB";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/server.log -w -t 60 -o \"{options}\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate -w -t 20 stop", asRoot).GetAwaiter().GetResult();
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch { /* best effort at exit; test.sh also stops strays */ }
        };
        return new Instance(dir, port);
    }

    private static string FindBinDirectory()
    {
        foreach (var candidate in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                     .Concat(System.IO.Directory.Exists("/usr/lib/postgresql")
                         ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                         : []))
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl"))) return candidate;
        }
        throw new InvalidOperationException("PostgreSQL binaries (initdb, pg_ctl) not found: install the postgresql package (test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {await stdout} {await stderr}");
    }
}
