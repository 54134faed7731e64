using TechInterviewCoach.Bench;

// Usage: bench/run.sh [scenario ...]   (no names: all scenarios; the anchors run every time)
if (args is [Anchors.BareKestrelArgument, var url])
{
    await Anchors.ServeBareKestrelAsync(url);
    return 0;
}

var all = Scenarios.All();
var names = args.Length == 0 ? all.Select(s => s.Name).ToArray() : args;
var unknown = names.Except(all.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(s => s.Name))}");
    return 2;
}

var hostDll = Environment.GetEnvironmentVariable("BENCH_HOST_DLL")
              ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../Host/bin/Release/bench-publish/TechInterviewCoach.Host.dll"));
if (!File.Exists(hostDll))
{
    Console.Error.WriteLine($"Host not published: {hostDll} (bench/run.sh publishes it)");
    return 2;
}

await using var postgres = await Postgres.StartAsync();
Console.Error.WriteLine("[anchors] measuring bare Kestrel and the durable insert …");
var anchors = await Anchors.MeasureAsync(postgres, Scenario.AnchorDuration, TimeSpan.FromSeconds(3));
var results = new List<Result>(anchors.Rows);
foreach (var row in anchors.Rows) Console.Error.WriteLine($"[anchors] {row}");
foreach (var scenario in all.Where(s => names.Contains(s.Name)))
{
    // A fresh database and host per scenario, so one scenario's data and memory do not colour the next.
    var connectionString = await postgres.CreateDatabaseAsync(scenario.Name.Replace('-', '_'));
    await using var host = await HostProcess.StartAsync(hostDll, connectionString, scenario.HostSettings);
    var context = new BenchContext(host, connectionString);
    Console.Error.WriteLine($"[{scenario.Name}] setting up …");
    await scenario.SetupAsync(context);
    Console.Error.WriteLine($"[{scenario.Name}] running …");
    var rows = await scenario.RunAsync(context);
    results.AddRange(rows);
    // As each scenario ends, so a long run that is cut short still leaves its figures.
    foreach (var row in rows) Console.Error.WriteLine($"[{scenario.Name}] {row}");
}

var table = Result.Table(results, anchors.KestrelRps, anchors.InsertRps);
Console.WriteLine(table);
var dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
Directory.CreateDirectory(dir);
await File.WriteAllTextAsync(Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), table);
return 0;
