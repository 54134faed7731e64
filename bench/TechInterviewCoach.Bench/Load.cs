using System.Diagnostics;

namespace TechInterviewCoach.Bench;

/// <summary>One row of the results table.</summary>
public sealed record Result(string Scenario, string Measure, double? Rps, double? P50Ms, double? P99Ms, double? MemoryMiB, string Notes,
    Anchor Against = Anchor.BareKestrel)
{
    /// <summary>The table, with every rate also as a share of its anchor measured in the same run.</summary>
    public static string Table(IEnumerable<Result> results, double kestrelRps, double insertRps)
    {
        string Ratio(Result r) => r.Rps is not { } rps || r.Against == Anchor.None ? ""
            : r.Against == Anchor.RawInsert ? $"{100 * rps / insertRps:0.0} % of insert"
            : $"{100 * rps / kestrelRps:0.00} % of Kestrel";
        static string F(double? v, string fmt = "0.0") => v is null ? "" : v.Value.ToString(fmt, System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}",
            "",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Anchors: bare Kestrel {kestrelRps:0} req/s, durable insert {insertRps:0}/s."),
            "",
            "| scenario | measure | req/s | ratio to anchor | p50 ms | p99 ms | host RSS MiB | notes |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        };
        lines.AddRange(results.Select(r => $"| {r.Scenario} | {r.Measure} | {F(r.Rps, "0")} | {Ratio(r)} | {F(r.P50Ms, "0.00")} | {F(r.P99Ms, "0.00")} | {F(r.MemoryMiB, "0")} | {r.Notes} |"));
        return string.Join('\n', lines);
    }
}

/// <summary>Closed-loop load: <c>concurrency</c> workers each send the next request when the last one answered.</summary>
public static class Load
{
    public sealed record Figures(int Requests, int Failures, double Seconds, double Rps, double P50Ms, double P99Ms, double P90Ms, double P999Ms, double MaxMs)
    {
        /// <summary>The rest of the distribution, for the notes column: where the tail starts and how far it goes.</summary>
        public string Tail => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p90 {P90Ms:0.0}, p99.9 {P999Ms:0.0}, max {MaxMs:0.0} ms");
    }

    public static async Task<Figures> RunAsync(TimeSpan duration, int concurrency, Func<int, Task<bool>> request, TimeSpan? warmup = null)
    {
        if (warmup is { } w) await RunCoreAsync(w, concurrency, request);
        return await RunCoreAsync(duration, concurrency, request);
    }

    private static async Task<Figures> RunCoreAsync(TimeSpan duration, int concurrency, Func<int, Task<bool>> request)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var i = 0;
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await request(worker * 1_000_000 + i++); } catch { ok = false; }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Figures(all.Length, failures, seconds, all.Length / seconds, Percentile(all, 0.50), Percentile(all, 0.99),
            Percentile(all, 0.90), Percentile(all, 0.999), all.Length == 0 ? double.NaN : all[^1]);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
