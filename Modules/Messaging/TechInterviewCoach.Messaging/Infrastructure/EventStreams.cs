namespace TechInterviewCoach.Messaging.Infrastructure;

/// <summary>What every Server-Sent Events stream of the module shares: its lifetime, its headers, and a quiet end.</summary>
internal static class EventStreams
{
    /// <summary>
    /// Marks the response as an unbuffered, uncached stream and returns the token that ends it: the client going away,
    /// or the app stopping (clients reconnect, with Last-Event-ID, to another instance) instead of holding shutdown.
    /// </summary>
    public static CancellationToken Open(HttpContext http, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(stop);
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return stop.Token;
    }

    /// <summary>Runs a read; default when the stream is ending (client gone or app stopping), so the stream ends quietly.</summary>
    public static async Task<T?> Quietly<T>(Func<Task<T>> read, CancellationToken ct)
    {
        try { return await read(); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return default; }
    }
}
