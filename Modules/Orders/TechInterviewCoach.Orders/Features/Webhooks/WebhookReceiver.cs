using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Stripe;

namespace TechInterviewCoach.Orders.Features.Webhooks;

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

/// <summary>
/// Verifies a delivery's signature against the raw body, then stores the event (id unique) before any effect.
/// Processing happens later, from the stored row. The HTTP endpoints and the simulator both come through here.
/// </summary>
internal sealed class WebhookReceiver(OrdersDbContext db, WebhookSecrets secrets, IOptions<StripeOptions> options,
    TimeProvider time, StripeEventSignal signal, ILogger<WebhookReceiver> logger)
{
    public sealed record Receipt(string EventId, bool Duplicate);

    public async Task<Receipt> ReceiveAsync(string endpoint, byte[] body, string? signatureHeader, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var check = StripeSignature.Verify(signatureHeader, body, secrets.For(endpoint), now, options.Value.SignatureToleranceSeconds);
        if (check != StripeSignature.Result.Valid)
        {
            logger.LogWarning("Rejected a Stripe webhook on the {Endpoint} endpoint: signature {Result}", endpoint, check);
            throw new InputException("invalid_signature", "Stripe-Signature", check switch
            {
                StripeSignature.Result.Missing => "The Stripe-Signature header is missing.",
                StripeSignature.Result.Stale => "The Stripe-Signature timestamp is outside the tolerance.",
                _ => "The Stripe-Signature does not match the body.",
            });
        }

        string id, type;
        string? account = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            id = root.GetProperty("id").GetString() ?? throw new FormatException();
            type = root.GetProperty("type").GetString() ?? throw new FormatException();
            if (root.GetProperty("data").GetProperty("object").ValueKind != JsonValueKind.Object) throw new FormatException();
            if (root.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.String) account = a.GetString();
            if (id.Length is 0 or > 255 || type.Length is 0 or > 100) throw new FormatException();
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException("malformed_event", "body", "The body is not a Stripe event.");
        }

        if (await db.StripeEvents.AnyAsync(e => e.Id == id, ct)) return new Receipt(id, true);
        var utc = now.UtcDateTime;
        db.StripeEvents.Add(new StripeEventRecord
        {
            Id = id, Endpoint = endpoint, Type = type, Account = account, Payload = System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = utc, NextAttemptAt = utc, Status = StripeEventStatus.Pending,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event won the unique constraint: acknowledged, no effect.
            db.ChangeTracker.Clear();
            if (await db.StripeEvents.AnyAsync(e => e.Id == id, ct)) return new Receipt(id, true);
            throw;
        }
        signal.Notify();
        return new Receipt(id, false);
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/stripe", (HttpContext c, CancellationToken ct) => HandleAsync(c, WebhookEndpoints.Platform, ct))
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Webhooks).ExcludeFromDescription();
        endpoints.MapPost("/webhooks/stripe/connect", (HttpContext c, CancellationToken ct) => HandleAsync(c, WebhookEndpoints.Connect, ct))
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Webhooks).ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string endpoint, CancellationToken ct)
    {
        const int maxBytes = 512 * 1024;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) throw new InputException("malformed_event", "body", "The body is too large for a Stripe event.");
        }
        var receiver = context.RequestServices.GetRequiredService<WebhookReceiver>();
        var receipt = await receiver.ReceiveAsync(endpoint, buffer.ToArray(), context.Request.Headers["Stripe-Signature"].ToString(), ct);
        return TypedResults.Ok(new { received = true, duplicate = receipt.Duplicate });
    }
}
