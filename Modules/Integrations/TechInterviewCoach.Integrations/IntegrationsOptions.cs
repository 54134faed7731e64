using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Integrations;

internal sealed class AppOptions
{
    public const string Section = "App";
    /// <summary>Public address of the site; links in emails point here.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "http://localhost:5080";
}

internal sealed class EmailOptions
{
    public const string Section = "Email";
    /// <summary>Sender, e.g. "techinterview.coach &lt;hello@techinterview.coach&gt;".</summary>
    [Required] public string From { get; set; } = "techinterview.coach <notifications@techinterview.coach>";
}

internal sealed class ResendOptions
{
    public const string Section = "Resend";
    /// <summary>Empty: emails are recorded with status NotSentNoKey and never sent.</summary>
    public string? ApiKey { get; set; }
    [Required, Url] public string ApiBase { get; set; } = "https://api.resend.com";
    /// <summary>Each attempt's timeout (the resilience handler's attempt timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Retries on the wire (429/5xx/408, timeouts, network) within one outbox attempt, with the same Idempotency-Key.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 2;
    /// <summary>First backoff delay; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

internal sealed class PostHogOptions
{
    public const string Section = "PostHog";
    /// <summary>The project API key (public by design: the browser snippet carries it). Empty: no analytics at all.</summary>
    public string? ApiKey { get; set; }
    [Required, Url] public string Host { get; set; } = "https://eu.i.posthog.com";
    /// <summary>Send queued events at least this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")] public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Send as soon as this many events are queued.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>Events held in memory at most; beyond it the oldest are dropped (analytics never blocks people).</summary>
    [Range(10, 1_000_000)] public int QueueCapacity { get; set; } = 10_000;
    /// <summary>Retries of one batch after the first attempt fails (the resilience handler); then the batch is dropped and logged.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

internal sealed class RollbarOptions
{
    public const string Section = "Rollbar";
    /// <summary>A post_server_item token. Empty: no error reports leave the app.</summary>
    public string? AccessToken { get; set; }
    [Required, Url] public string Endpoint { get; set; } = "https://api.rollbar.com";
    /// <summary>Defaults to the hosting environment's name.</summary>
    public string? Environment { get; set; }
    /// <summary>Defaults to the host assembly's informational version.</summary>
    public string? CodeVersion { get; set; }
    /// <summary>Reports sent per minute at most; the rest are counted, dropped and logged once.</summary>
    [Range(1, 10_000)] public int MaxItemsPerMinute { get; set; } = 30;
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Retries of one report on 429/5xx/timeouts (the resilience handler); then it is logged and dropped.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 1;
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);
}
