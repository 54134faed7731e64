namespace TechInterviewCoach.Integrations.Infrastructure;

/// <summary>Says once, at start-up, which vendors are switched off because their key is missing.</summary>
internal sealed class StartupAnnouncer(
    IOptions<ResendOptions> resend,
    IOptions<PostHogOptions> posthog,
    IOptions<RollbarOptions> rollbar,
    ILogger<StartupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!resend.Value.Enabled)
            logger.LogWarning("Email is disabled: Resend:ApiKey is not set. Emails are recorded as \"not sent: no Resend key\" on /admin/emails");
        if (!posthog.Value.Enabled)
            logger.LogWarning("Product analytics is disabled: PostHog:ApiKey is not set. No events are sent and no analytics script is loaded");
        if (!rollbar.Value.Enabled)
            logger.LogWarning("Error reporting is disabled: Rollbar:AccessToken is not set. Errors are only logged locally");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
