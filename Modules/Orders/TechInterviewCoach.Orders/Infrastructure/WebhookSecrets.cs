using System.Security.Cryptography;

namespace TechInterviewCoach.Orders.Infrastructure;

internal static class WebhookEndpoints
{
    public const string Platform = "platform";
    public const string Connect = "connect";
}

/// <summary>The signing secrets in force. With the simulator and none configured, a random one per start.</summary>
internal sealed class WebhookSecrets
{
    public WebhookSecrets(IOptions<StripeOptions> options, ILogger<WebhookSecrets> logger)
    {
        var o = options.Value;
        Platform = o.WebhookSecret;
        Connect = string.IsNullOrEmpty(o.ConnectWebhookSecret) ? o.WebhookSecret : o.ConnectWebhookSecret;
        if (o.Simulated)
        {
            if (string.IsNullOrEmpty(Platform)) Platform = "whsec_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            if (string.IsNullOrEmpty(Connect)) Connect = Platform;
            logger.LogWarning("Stripe:SecretKey is not set: the payment simulator takes payments (no real money moves).");
        }
        else if (string.IsNullOrEmpty(o.WebhookSecret))
            logger.LogWarning("Stripe:WebhookSecret is not set: every Stripe webhook will be rejected and no order will be confirmed.");
    }

    public string Platform { get; }
    public string Connect { get; }
    public string For(string endpoint) => endpoint == WebhookEndpoints.Connect ? Connect : Platform;
}

/// <summary>Wakes the stored-event processor when an event arrives.</summary>
internal sealed class StripeEventSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    public void Notify() { if (_signal.CurrentCount == 0) try { _signal.Release(); } catch (SemaphoreFullException) { } }
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
