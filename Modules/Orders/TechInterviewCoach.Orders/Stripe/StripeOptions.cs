using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Orders.Stripe;

internal sealed class StripeOptions
{
    public const string Section = "Stripe";
    /// <summary>The pinned API version sent as Stripe-Version on every call.</summary>
    public const string ApiVersion = "2026-01-28.clover";

    /// <summary>Secret API key (sk_...). Empty: the payment simulator drives the same flow offline.</summary>
    public string SecretKey { get; set; } = "";
    /// <summary>Signing secret (whsec_...) of the /webhooks/stripe endpoint. Empty with the simulator: a random one per start.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>Signing secret of the /webhooks/stripe/connect endpoint (events from connected accounts).</summary>
    public string ConnectWebhookSecret { get; set; } = "";
    [Required, Url] public string ApiBase { get; set; } = "https://api.stripe.com";
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    [Range(1, 3600)] public int SignatureToleranceSeconds { get; set; } = 300;

    public bool Simulated => string.IsNullOrWhiteSpace(SecretKey);
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
}
