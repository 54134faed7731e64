namespace TechInterviewCoach.Bench;

/// <summary>
/// The public directory's text search over N listed coaches (issue 16's target at 100,000: p99 ≤ 50 ms), seeded like
/// <see cref="MatchingScenario"/>: a word that matches a tenth of the coaches (a company), a name that matches one, and a
/// search combined with filters and the price sort.
/// </summary>
public sealed class DirectoryScenario(int coaches) : Scenario
{
    public override string Name => coaches >= 1000 ? $"directory-{coaches / 1000}k" : $"directory-{coaches}";

    public override async Task SetupAsync(BenchContext context)
    {
        await MatchingScenario.SeedCoachesAsync(context.ConnectionString, coaches);
        var client = context.NewClient();
        context.State["client"] = client;
        var start = System.Diagnostics.Stopwatch.StartNew();
        var first = await client.GetAsync("api/matching/coaches?q=stripe");
        if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"coaches: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        context.State["first"] = start.Elapsed.TotalMilliseconds;
    }

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var client = (HttpClient)context.State["client"];
        var company = await Load.RunAsync(Duration, 8, i => Ok(client.GetAsync($"api/matching/coaches?q=stripe&page={1 + i % 3}")), Warmup);
        var name = await Load.RunAsync(Duration, 8, i => Ok(client.GetAsync($"api/matching/coaches?q=bench%20coach%20{1 + i % coaches}")), Warmup);
        var combined = await Load.RunAsync(Duration, 8,
            i => Ok(client.GetAsync("api/matching/coaches?q=google&interviewType=coding&language=de&maxPrice=150&sort=price")), Warmup);
        return
        [
            new(Name, "first search (snapshot build)", null, (double)context.State["first"], null, context.Host.RssMiB(), $"{coaches:N0} listed coaches"),
            new(Name, "GET /api/matching/coaches?q=<company>", company.Rps, company.P50Ms, company.P99Ms, context.Host.RssMiB(),
                $"8 concurrent, {company.Requests} requests, {company.Failures} failed; {company.Tail}"),
            new(Name, "… q=<full name>", name.Rps, name.P50Ms, name.P99Ms, context.Host.RssMiB(), $"{name.Requests} requests, {name.Failures} failed; {name.Tail}"),
            new(Name, "… q + type + language + price, by price", combined.Rps, combined.P50Ms, combined.P99Ms, context.Host.RssMiB(),
                $"{combined.Requests} requests, {combined.Failures} failed; {combined.Tail}"),
        ];
    }

    private static async Task<bool> Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.IsSuccessStatusCode;
    }
}
