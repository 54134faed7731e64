using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Integrations.Analytics;
using TechInterviewCoach.Integrations.Data;
using TechInterviewCoach.Integrations.Email;
using TechInterviewCoach.Integrations.Errors;

namespace TechInterviewCoach.Integrations;

/// <summary>
/// Email (Resend), product analytics (PostHog) and error reports (Rollbar). Composed like a module so the
/// host wires it the same way; it is platform plumbing, not a business module.
/// </summary>
public sealed class IntegrationsModule : IModule
{
    public string Name => IntegrationsDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<IntegrationsDbContext>(Name);
        services.AddValidatedOptions<AppOptions>(configuration, AppOptions.Section);
        services.AddValidatedOptions<EmailOptions>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<ResendOptions>(configuration, ResendOptions.Section);
        services.AddValidatedOptions<PostHogOptions>(configuration, PostHogOptions.Section);
        services.AddValidatedOptions<RollbarOptions>(configuration, RollbarOptions.Section);
        services.AddHostedService<StartupAnnouncer>();

        // Email: rendered and sent from the outbox (SendEmailHandler is found by the handler scan).
        services.AddSingleton<EmailRenderer>();
        services.AddHttpClient<IEmailGateway, ResendClient>((sp, http) =>
        {
            var o = sp.GetRequiredService<IOptions<ResendOptions>>().Value;
            http.BaseAddress = BaseAddress(o.ApiBase);
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns the timeouts
        }).AddVendorResilience<ResendOptions>(o => (o.Timeout, o.MaxRetries, o.RetryDelay));

        // Analytics: queued in memory by the TrackEvent handler, sent in batches.
        services.AddSingleton<AnalyticsQueue>();
        services.AddHttpClient<IAnalyticsGateway, PostHogClient>((sp, http) =>
        {
            var o = sp.GetRequiredService<IOptions<PostHogOptions>>().Value;
            http.BaseAddress = BaseAddress(o.Host);
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).AddVendorResilience<PostHogOptions>(o => (o.Timeout, o.MaxRetries, o.RetryDelay));
        services.AddHostedService<PostHogFlusher>();
        var posthogKey = configuration[$"{PostHogOptions.Section}:ApiKey"];
        if (!string.IsNullOrWhiteSpace(posthogKey))
        {
            var host = (configuration[$"{PostHogOptions.Section}:Host"] ?? new PostHogOptions().Host).TrimEnd('/');
            services.Configure<ContentSecurityPolicyOptions>(o => { o.ScriptSources.Add(host); o.ConnectSources.Add(host); });
        }

        // Errors: a logger provider captures Error/Critical entries with an exception; a sender posts them.
        services.AddHttpContextAccessor();
        services.AddSingleton<RollbarQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, RollbarLoggerProvider>());
        services.AddHttpClient<IErrorGateway, RollbarClient>((sp, http) =>
        {
            var o = sp.GetRequiredService<IOptions<RollbarOptions>>().Value;
            http.BaseAddress = BaseAddress(o.Endpoint);
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).AddVendorResilience<RollbarOptions>(o => (o.Timeout, o.MaxRetries, o.RetryDelay));
        services.AddHostedService<RollbarSender>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/integrations").WithTags("Integrations");
        AdminEmailsEndpoint.Map(api);
    }

    /// <summary>A base address that keeps any path prefix ("https://x/v1" → "https://x/v1/").</summary>
    private static Uri BaseAddress(string url) => new(url.TrimEnd('/') + "/");
}

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
