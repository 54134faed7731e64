using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using TechInterviewCoach.BuildingBlocks.Composition;

namespace TechInterviewCoach.Integrations;

/// <summary>
/// Email (Resend), product analytics (PostHog) and error reports (Rollbar): a module like the others (decision 0017).
/// Other modules reach it only through its Contracts (<see cref="SendEmail"/>, <see cref="TrackEvent"/>) via the outbox.
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
        ListAdminEmailsEndpoint.Map(api);
    }

    /// <summary>A base address that keeps any path prefix ("https://x/v1" → "https://x/v1/").</summary>
    private static Uri BaseAddress(string url) => new(url.TrimEnd('/') + "/");
}
