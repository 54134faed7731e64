using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TechInterviewCoach.Bench;

/// <summary>
/// Live chat (issues 5 and 17): 5,000 conversations, both sides' streams open (10,000 SSE streams, one HTTP/1.1
/// connection each, from this one process), messages sent open-loop at 200 a second. Latency is from just before the
/// send to receipt on the other party's stream; every message must be received exactly once there (counted). With
/// <c>instances: 2</c> the streams are held on a second host process sharing the database, so delivery crosses
/// PostgreSQL LISTEN/NOTIFY. Memory per stream is (host RSS with the streams − host RSS before them) / streams, both
/// read after a full GC induced in the host (<see cref="HostProcess.RssAfterGcMiBAsync"/>).
/// BENCH_CHAT_STREAMS changes the number of streams (even; default 10,000).
/// </summary>
public sealed partial class ChatScenario(int instances) : Scenario
{
    private static readonly int Conversations = int.Parse(Environment.GetEnvironmentVariable("BENCH_CHAT_STREAMS") ?? "10000") / 2;
    private const int MessagesPerSecond = 200;
    /// <summary>Streams being opened at once (each open reads the conversation, the names and the first messages).</summary>
    private const int OpeningAtOnce = 32;

    public override string Name => instances == 1 ? "chat-1-instance" : "chat-2-instances";

    private sealed record Person(Guid Id, string Cookie);
    private sealed record Pair(Guid ConversationId, Person Coachee, Person Coach);

    private static async Task<Person> SignInAsync(HttpClient client, string role, int n)
    {
        var response = await client.PostAsJsonAsync("api/dev/signin", new { role, displayName = $"Chat {role} {n}" });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("tic.auth=")).Split(';')[0];
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        return new Person(id, cookie);
    }

    private static HttpRequestMessage As(Person person, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", person.Cookie);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    public override async Task SetupAsync(BenchContext context)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = context.Host.BaseAddress };
        var pairs = new ConcurrentBag<Pair>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
        {
            var coach = await SignInAsync(client, "coach", n);
            var coachee = await SignInAsync(client, "coachee", n);
            var started = await client.SendAsync(As(coachee, HttpMethod.Post, "api/messaging/conversations", new { coachId = coach.Id, text = "Hello, can you help?" }));
            started.EnsureSuccessStatusCode();
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetGuid();
            pairs.Add(new Pair(id, coachee, coach));
        });
        context.State["pairs"] = pairs.ToList();
        context.State["client"] = client;
    }

    private const long WarmupKeys = 1_000_000_000;

    /// <summary>Open loop: one message every 5 ms, regardless of how long earlier sends take. Returns the failed sends.</summary>
    private static async Task<int> SendAsync(HttpClient sender, List<Pair> pairs, int count, long keyBase)
    {
        var failures = 0;
        var sends = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < count; k++)
        {
            var due = TimeSpan.FromSeconds(k / (double)MessagesPerSecond);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var pair = pairs[k % pairs.Count];
            var from = k % 2 == 0 ? pair.Coachee : pair.Coach;
            var key = keyBase + k;
            sends.Add(Task.Run(async () =>
            {
                var text = $"bench-{key}-{Stopwatch.GetTimestamp()}";
                var response = await sender.SendAsync(As(from, HttpMethod.Post, $"api/messaging/conversations/{pair.ConversationId}/messages", new { text }));
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }));
        }
        await Task.WhenAll(sends);
        return failures;
    }

    [GeneratedRegex(@"bench-(\d+)-(\d+)")]
    private static partial Regex Marker();

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var pairs = (List<Pair>)context.State["pairs"];
        var sender = (HttpClient)context.State["client"];
        await using var second = instances == 2 ? await context.StartSecondHostAsync() : null;
        var streamHost = second ?? context.Host;
        // One connection per stream (HTTP/1.1, as browsers' EventSource over HTTP/1.1); the process needs a file
        // descriptor per stream (ulimit -n).
        var streamClient = new HttpClient(new SocketsHttpHandler
            {
                UseCookies = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(60),
            })
            { BaseAddress = streamHost.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

        var before = await streamHost.RssAfterGcMiBAsync();
        var received = new ConcurrentDictionary<long, int>();
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        using var opening = new SemaphoreSlim(OpeningAtOnce);
        var opened = 0;
        var failedToOpen = 0;
        var readers = new List<Task>();
        // Receipt on the recipient's stream: key k is sent by the coachee when k is even, else by the coach.
        foreach (var pair in pairs)
        foreach (var (person, isCoach) in new[] { (pair.Coachee, false), (pair.Coach, true) })
        {
            readers.Add(Task.Run(async () =>
            {
                var request = As(person, HttpMethod.Get, $"api/messaging/conversations/{pair.ConversationId}/stream");
                HttpResponseMessage response;
                await opening.WaitAsync(stop.Token);
                try
                {
                    response = await streamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    response.EnsureSuccessStatusCode();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failedToOpen) <= 3) Console.Error.WriteLine($"[chat] a stream did not open: {ex.GetType().Name}: {ex.Message}");
                    return;
                }
                finally { opening.Release(); }
                using var _ = response;
                Interlocked.Increment(ref opened);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                try
                {
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (!line.StartsWith("data:")) continue;
                        var match = Marker().Match(line);
                        if (!match.Success) continue;
                        var key = long.Parse(match.Groups[1].Value);
                        var sentByCoach = key % 2 == 1;
                        if (sentByCoach == isCoach) continue; // the sender's own copy
                        if (key >= WarmupKeys) continue; // warm-up messages are not measured
                        latencies.Add(Stopwatch.GetElapsedTime(long.Parse(match.Groups[2].Value)).TotalMilliseconds);
                        received.AddOrUpdate(key, 1, (_, n) => n + 1);
                    }
                }
                catch (OperationCanceledException) { }
            }));
        }
        var openClock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (Volatile.Read(ref opened) + Volatile.Read(ref failedToOpen) < pairs.Count * 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var openSeconds = openClock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[chat] {opened} streams open in {openSeconds:0} s ({failedToOpen} failed)");
        await Task.Delay(1000);
        var withStreams = await streamHost.RssAfterGcMiBAsync();

        // Warm-up (JIT, connection pools), not measured; then the measured run.
        await SendAsync(sender, pairs, (int)(MessagesPerSecond * Warmup.TotalSeconds), WarmupKeys);
        var total = (int)(MessagesPerSecond * Duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var sendFailures = await SendAsync(sender, pairs, total, 0);
        var achieved = total / clock.Elapsed.TotalSeconds;
        var settle = DateTime.UtcNow.AddSeconds(10);
        while (received.Count < total - sendFailures && DateTime.UtcNow < settle) await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { })));

        var sorted = latencies.Order().ToArray();
        var once = received.Count(kv => kv.Value == 1);
        var duplicated = received.Count(kv => kv.Value > 1);
        var missing = total - sendFailures - received.Count;
        return
        [
            new(Name, $"send → receipt on the other side ({instances} instance{(instances == 1 ? "" : "s")})", achieved, Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.99),
                withStreams, $"{opened} streams, {total} messages at {MessagesPerSecond}/s: {once} received once, {duplicated} twice+, {missing} missing, {sendFailures} send failures; p90 {Load.Percentile(sorted, 0.9):0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : 0):0.0} ms",
                Anchor.None), // a fixed offered rate, not a capacity: no ratio
            new(Name, "memory per open stream", null, null, null, null, $"{(withStreams - before) * 1024 / Math.Max(1, opened):0.0} KiB (RSS after a full GC {before:0} → {withStreams:0} MiB with {opened} streams; {failedToOpen} failed to open; opened in {openSeconds:0} s)"),
        ];
    }
}
