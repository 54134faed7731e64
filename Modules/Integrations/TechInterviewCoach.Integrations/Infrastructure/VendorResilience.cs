using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>
/// The standard resilience handler (Microsoft.Extensions.Http.Resilience) on a vendor's typed client, from its options:
/// each attempt's timeout, retries with exponential backoff and jitter on 408/429/5xx, timeouts and network failures
/// (the same request, so the same Idempotency-Key), a circuit breaker, and a total timeout over it all.
/// Above it the outbox still owns at-least-once delivery: what fails here is retried later from the stored message.
/// </summary>
internal static class VendorResilience
{
    public static IHttpClientBuilder AddVendorResilience<TOptions>(this IHttpClientBuilder builder,
        Func<TOptions, (TimeSpan Timeout, int MaxRetries, TimeSpan RetryDelay)> read) where TOptions : class
    {
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
        {
            var (timeout, retries, delay) = read(sp.GetRequiredService<IOptions<TOptions>>().Value);
            r.AttemptTimeout.Timeout = timeout;
            r.Retry.MaxRetryAttempts = Math.Max(1, retries);
            if (retries == 0) r.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            r.Retry.Delay = delay;
            r.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
            r.Retry.UseJitter = true;
            r.Retry.MaxDelay = TimeSpan.FromSeconds(30);
            var backoff = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, delay.Ticks * (1L << Math.Min(retries + 1, 20))));
            r.TotalRequestTimeout.Timeout = timeout * (retries + 1) + backoff + TimeSpan.FromSeconds(1);
            r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, timeout.Ticks * 2));
        });
        return builder;
    }
}
