using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace TechInterviewCoach.TestKit;

/// <summary>One HTTP request as a vendor stand-in received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A local stand-in for a vendor's HTTP API (LinkedIn, Stripe, Resend, PostHog, Rollbar): a real Kestrel
/// server on 127.0.0.1 that records every request and answers with the routes the test maps.
/// Point the app's base-URL setting at <see cref="BaseAddress"/>.
/// </summary>
public sealed class StandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandIn(WebApplication app, Uri baseAddress, ConcurrentQueue<RecordedRequest> requests)
    {
        _app = app;
        BaseAddress = baseAddress;
        _requests = requests;
    }

    private readonly ConcurrentQueue<RecordedRequest> _requests;

    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>Every byte of every request (path, query, headers, body) as text, for privacy scans.</summary>
    public string AllTraffic => string.Join('\n', Requests.Select(r =>
        $"{r.Method} {r.Path}{r.Query}\n{string.Join('\n', r.Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{r.Body}"));

    public void Clear() => _requests.Clear();

    public static async Task<StandIn> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StandIn(app, new Uri(address.TrimEnd('/') + "/"), requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
