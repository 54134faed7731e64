using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Orders;

/// <summary>Every options class the Orders module binds: Stripe (keys, endpoint, retries) and Orders (fees, booking rules, event processing).</summary>

internal sealed class StripeOptions
{
    public const string Section = "Stripe";
    /// <summary>The API version Stripe.net pins and sends as Stripe-Version on every call; the webhook endpoints are created with it.</summary>
    public static string ApiVersion => global::Stripe.StripeConfiguration.ApiVersion;
    private const string StripeApiBase = "https://api.stripe.com";

    /// <summary>Secret API key (sk_...). Empty: the payment simulator drives the same flow offline.</summary>
    public string SecretKey { get; set; } = "";
    /// <summary>Signing secret (whsec_...) of the /webhooks/stripe endpoint. Empty with the simulator: a random one per start.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>Signing secret of the /webhooks/stripe/connect endpoint (events from connected accounts).</summary>
    public string ConnectWebhookSecret { get; set; } = "";
    /// <summary>Stripe.net's ApiBase; a stand-in's address in tests and staging. It is the ConnectBase too unless that is set.</summary>
    [Required, Url] public string ApiBase { get; set; } = StripeApiBase;
    /// <summary>Stripe.net's ConnectBase (OAuth). Empty: Stripe's own with Stripe's API, else <see cref="ApiBase"/>.</summary>
    public string ConnectBase { get; set; } = "";
    /// <summary>Stripe.net's network retries (409, 5xx, a 429 Stripe marks retryable, dropped connections), each with the same Idempotency-Key; Stripe.net waits 0.5 s doubling up to 5 s between them.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    [Range(1, 3600)] public int SignatureToleranceSeconds { get; set; } = 300;

    public bool Simulated => string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>The ConnectBase handed to Stripe.net (null: its default).</summary>
    public string? EffectiveConnectBase => !string.IsNullOrWhiteSpace(ConnectBase) ? ConnectBase.TrimEnd('/')
        : ApiBase.TrimEnd('/') == StripeApiBase ? null : ApiBase.TrimEnd('/');
}

internal sealed class OrdersOptions
{
    public const string Section = "Orders";
    /// <summary>Platform fee in percent of the gross price, rounded half up in minor units.</summary>
    [Range(0, 50, ErrorMessage = "must be between 0 and 50.")] public decimal PlatformFeePercent { get; set; } = 15;
    /// <summary>Whether a refund also returns the platform's application fee (refund_application_fee).</summary>
    public bool RefundApplicationFee { get; set; } = true;
    /// <summary>A coachee may cancel a session for a refund up to this many hours before it starts.</summary>
    [Range(0, 720)] public int CancellationNoticeHours { get; set; } = 24;
    /// <summary>How far ahead slots are offered.</summary>
    [Range(1, 120)] public int BookingHorizonDays { get; set; } = 21;
    /// <summary>Minimum hours between now and a bookable slot.</summary>
    [Range(0, 720)] public int MinimumNoticeHours { get; set; } = 24;
    /// <summary>Lifetime of a Checkout Session (Stripe allows 30 min to 24 h); the slots are held meanwhile.</summary>
    [Range(30, 1440)] public int CheckoutExpiryMinutes { get; set; } = 60;
    /// <summary>How often the stored-event processor looks for due events (it is also woken on each receipt).</summary>
    public TimeSpan EventPollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan EventRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan EventRetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many failed attempts an event is set aside (kept, shown to admins) instead of retried.</summary>
    [Range(1, 1000)] public int EventMaxAttempts { get; set; } = 30;
    /// <summary>How many stored events one transaction applies (decision 0024).</summary>
    [Range(1, 1000)] public int EventBatchSize { get; set; } = 100;
    /// <summary>Whether this instance applies stored events (an instance may only receive them; the events wait, stored, for one that applies).</summary>
    public bool ProcessEvents { get; set; } = true;
    /// <summary>A package's sessions can be booked this many days after payment when its listing names no validity.</summary>
    [Range(1, 730)] public int PackageValidityDays { get; set; } = 90;
    /// <summary>Where the platform opens a room per session when the listing has no meeting link of the coach's (https).</summary>
    [Url] public string MeetingRoomBaseUrl { get; set; } = "https://meet.jit.si/";
    /// <summary>How long before a session its meeting link shows on the person's home page.</summary>
    [Range(1, 1440)] public int MeetingLinkShownMinutesBefore { get; set; } = 15;
    /// <summary>How often reminders due and packages expired are looked for.</summary>
    public TimeSpan SessionSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
