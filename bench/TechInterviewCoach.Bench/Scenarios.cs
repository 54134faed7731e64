namespace TechInterviewCoach.Bench;

/// <summary>A named benchmark scenario. Each gets a fresh database and host process.</summary>
public abstract class Scenario
{
    public abstract string Name { get; }
    public virtual IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>();
    public virtual Task SetupAsync(BenchContext context) => Task.CompletedTask;
    public abstract Task<IReadOnlyList<Result>> RunAsync(BenchContext context);

    public static TimeSpan AnchorDuration => Duration;
    protected static TimeSpan Duration => TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "20"));
    protected static TimeSpan Warmup => TimeSpan.FromSeconds(3);
    /// <summary>
    /// Long enough for the runtime to finish tiering up the hot paths under load on two cores (seen: ~40 s; the JIT
    /// shares the cores with the load), so a measurement after it is the steady state a running instance serves.
    /// </summary>
    protected static TimeSpan SteadyStateWarmup => TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_STEADY_WARMUP") ?? "60"));
}

public static partial class Scenarios
{
    public static IReadOnlyList<Scenario> All() =>
    [
        new Yardsticks(),
        new MatchingScenario(10_000),
        new MatchingScenario(100_000),
        new DirectoryScenario(100_000),
        new ChatScenario(instances: 1),
        new ChatScenario(instances: 2),
        new WebhookIngestion(5_000),
        new AdminOrderList(100_000),
    ];
}

/// <summary>
/// The yardsticks later scenarios are compared with in the same run: the cheapest request (liveness), one small
/// authenticated JSON endpoint (the session check + the person's summary), one signed-in page (a coachee's ranked
/// matches over <see cref="PageCoaches"/> listed coaches, rendered with the layout), and the idle host's memory.
/// </summary>
public sealed class Yardsticks : Scenario
{
    public const int PageCoaches = 100;

    public override string Name => "yardsticks";

    public override Task SetupAsync(BenchContext context) => MatchingScenario.SeedCoachesAsync(context.ConnectionString, PageCoaches);

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var idle = context.Host.RssMiB();
        var anonymous = context.NewClient();
        var live = await Load.RunAsync(Duration, 32, async _ => (await anonymous.GetAsync("healthz/live")).IsSuccessStatusCode, Warmup);
        var afterLive = context.Host.RssMiB();

        var people = new List<HttpClient>();
        for (var i = 0; i < 32; i++) people.Add((await context.SignedInClientAsync("coachee", $"Bench {i}")).Client);
        var me = await Load.RunAsync(Duration, 32, async i => (await people[(i / 1_000_000) % people.Count].GetAsync("api/identity/me")).IsSuccessStatusCode, Warmup);
        var afterMe = context.Host.RssMiB();

        foreach (var person in people) await MatchingScenario.SubmitQuizAsync(person);
        // The instance rebuilds its match snapshot after the seed in the background (a request waits 250 ms at most): wait for it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await people[0].GetStringAsync("matches")).Contains("data-testid=\"match\""))
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("/matches shows no ranked coach for the bench coachee after 60 s");
            await Task.Delay(200);
        }
        var page = await Load.RunAsync(Duration, 32, async i =>
        {
            using var response = await people[(i / 1_000_000) % people.Count].GetAsync("matches");
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }, Warmup);

        return
        [
            new(Name, "idle host", null, null, null, idle, "after start-up and migrations", Anchor.None),
            new(Name, "GET /healthz/live", live.Rps, live.P50Ms, live.P99Ms, afterLive, $"32 concurrent, {live.Requests} requests, {live.Failures} failed"),
            new(Name, "GET /api/identity/me (signed in)", me.Rps, me.P50Ms, me.P99Ms, afterMe, $"32 people concurrent, {me.Requests} requests, {me.Failures} failed; {me.Tail}"),
            new(Name, "GET /matches (coachee page)", page.Rps, page.P50Ms, page.P99Ms, context.Host.RssMiB(),
                $"32 coachees concurrent, {PageCoaches} listed coaches, 20 ranked per page, {page.Requests} requests, {page.Failures} failed; {page.Tail}"),
        ];
    }
}
