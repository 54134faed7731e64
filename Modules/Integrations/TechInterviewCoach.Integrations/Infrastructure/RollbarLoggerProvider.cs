using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>
/// Captures every Error/Critical log entry that carries an exception (the app's exception handler and the
/// outbox dispatcher log those, as does the host for failed background services) and hands a scrubbed
/// <see cref="ErrorReport"/> to the queue. It never blocks and never throws into the caller.
/// </summary>
[ProviderAlias("Rollbar")]
internal sealed class RollbarLoggerProvider(RollbarQueue queue, IHttpContextAccessor httpContextAccessor, TimeProvider time) : ILoggerProvider
{
    // The same exception is often logged twice (the handler, then the middleware's diagnostics): report it once.
    private readonly ConditionalWeakTable<Exception, object> _seen = new();

    private bool Enabled => queue.Enabled;

    public ILogger CreateLogger(string categoryName) => new RollbarLogger(this, categoryName);

    public void Dispose() { }

    private void Capture(LogLevel level, string category, Exception exception)
    {
        if (!_seen.TryAdd(exception, new object())) return;
        string? path = null, method = null, route = null, userId = null;
        var context = httpContextAccessor.HttpContext;
        if (context is not null)
        {
            var handled = context.Features.Get<IExceptionHandlerPathFeature>();
            var endpoint = context.GetEndpoint() ?? handled?.Endpoint;
            path = handled?.Path ?? context.Request.Path.Value;
            method = context.Request.Method;
            route = (endpoint as RouteEndpoint)?.RoutePattern.RawText
                    ?? endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath;
            userId = context.User.TryGetUserId()?.ToString();
        }
        queue.Enqueue(new ErrorReport(
            Guid.NewGuid(),
            time.GetUtcNow().UtcDateTime,
            level == LogLevel.Critical ? "critical" : "error",
            category,
            exception,
            path is null ? null : Scrub.Text(path, 300),
            method,
            route is null ? null : Scrub.Text(route, 300),
            userId));
    }

    private sealed class RollbarLogger(RollbarLoggerProvider provider, string category) : ILogger
    {
        private readonly bool _own = category.StartsWith("TechInterviewCoach.Integrations", StringComparison.Ordinal)
                                     || category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => provider.Enabled && logLevel >= LogLevel.Error && !_own;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || !IsEnabled(logLevel)) return;
            try
            {
                provider.Capture(logLevel, category, exception);
            }
            catch (Exception)
            {
                // Error reporting must never become an error.
            }
        }
    }
}
