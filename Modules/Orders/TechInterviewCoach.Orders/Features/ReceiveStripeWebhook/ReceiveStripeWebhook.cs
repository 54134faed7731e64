using System.Text.Json;
using Stripe;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Verifies a delivery's signature against the raw body, then stores the event (id unique) before any effect.
/// Processing happens later, from the stored row. The HTTP endpoints and the simulator both come through here.
/// </summary>
internal sealed record ReceiveStripeWebhook(string Endpoint, byte[] Body, string? SignatureHeader) : IRequest<WebhookReceipt>;

internal sealed record WebhookReceipt(string EventId, bool Duplicate);

internal sealed class ReceiveStripeWebhookHandler(OrdersDbContext db, WebhookSecrets secrets, IOptions<StripeOptions> options,
    TimeProvider time, StripeEventSignal signal, ILogger<ReceiveStripeWebhookHandler> logger) : IRequestHandler<ReceiveStripeWebhook, WebhookReceipt>
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<WebhookReceipt> Handle(ReceiveStripeWebhook request, CancellationToken ct)
    {
        var (endpoint, body, signatureHeader) = (request.Endpoint, request.Body, request.SignatureHeader);
        var now = time.GetUtcNow();
        var secret = secrets.For(endpoint);
        if (string.IsNullOrWhiteSpace(signatureHeader) || string.IsNullOrEmpty(secret)) Reject(endpoint, "missing", "The Stripe-Signature header is missing.");
        string json;
        try { json = StrictUtf8.GetString(body); }
        catch (System.Text.DecoderFallbackException) { Reject(endpoint, "not UTF-8", "The Stripe-Signature does not match the body."); throw; }

        // Stripe.net checks the signature on the raw body (any v1 may match; the timestamp within the tolerance),
        // then reads the event; the API version is checked below, so a mismatch is stored and shown, not dropped.
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signatureHeader, secret, options.Value.SignatureToleranceSeconds,
                now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e) when (e.InnerException is null || e.InnerException is System.Text.EncoderFallbackException)
        {
            if (e.Message.Contains("tolerance", StringComparison.Ordinal)) Reject(endpoint, "stale", "The Stripe-Signature timestamp is outside the tolerance.");
            if (e.Message.Contains("format", StringComparison.Ordinal)) Reject(endpoint, "malformed", "The Stripe-Signature header is malformed.");
            Reject(endpoint, "mismatch", "The Stripe-Signature does not match the body.");
            throw;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // Stripe.net reads t= as a number only after the HMAC over it matched.
            Reject(endpoint, "malformed", "The Stripe-Signature header is malformed.");
            throw;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or StripeException)
        {
            throw new InputException("malformed_event", "body", "The body is not a Stripe event.");
        }

        var id = stripeEvent.Id;
        var type = stripeEvent.Type;
        if (string.IsNullOrEmpty(id) || id.Length > 255 || string.IsNullOrEmpty(type) || type.Length > 100 || stripeEvent.Data is null)
            throw new InputException("malformed_event", "body", "The body is not a Stripe event.");
        var account = stripeEvent.Account;

        if (await db.StripeEvents.AnyAsync(e => e.Id == id, ct)) return new WebhookReceipt(id, true);
        string? versionError = null;
        if (stripeEvent.ApiVersion != StripeOptions.ApiVersion)
        {
            versionError = $"api_version {stripeEvent.ApiVersion ?? "(none)"} differs from {StripeOptions.ApiVersion}, the version Stripe.net {StripeConfiguration.StripeNetVersion} reads; "
                           + "set aside: recreate the webhook endpoint with the pinned version, then retry the event";
            logger.LogError("Stripe event {EventId} ({Type}) on the {Endpoint} endpoint has API version {EventApiVersion}, but this build reads {PinnedApiVersion}: "
                            + "stored and set aside for an admin to retry (check the endpoint's API version in Stripe)",
                id, type, endpoint, stripeEvent.ApiVersion, StripeOptions.ApiVersion);
        }

        var utc = now.UtcDateTime;
        db.StripeEvents.Add(new StripeEventRecord
        {
            Id = id, Endpoint = endpoint, Type = type, Account = account, Payload = json,
            ReceivedAt = utc, NextAttemptAt = utc,
            Status = versionError is null ? StripeEventStatus.Pending : StripeEventStatus.GaveUp, LastError = versionError,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event won the unique constraint: acknowledged, no effect.
            db.ChangeTracker.Clear();
            if (await db.StripeEvents.AnyAsync(e => e.Id == id, ct)) return new WebhookReceipt(id, true);
            throw;
        }
        if (versionError is null) signal.Notify();
        return new WebhookReceipt(id, false);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Reject(string endpoint, string why, string message)
    {
        logger.LogWarning("Rejected a Stripe webhook on the {Endpoint} endpoint: signature {Result}", endpoint, why);
        throw new InputException("invalid_signature", "Stripe-Signature", message);
    }
}

/// <summary>Stripe's two webhook endpoints: the raw body (at most 512 KiB) goes to <see cref="ReceiveStripeWebhook"/>.</summary>
internal static class ReceiveStripeWebhookEndpoint
{
    /// <summary>Maps /webhooks/stripe and /webhooks/stripe/connect on the module's webhook group (<c>/webhooks/stripe</c>).</summary>
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", (HttpContext c, CancellationToken ct) => HandleAsync(c, WebhookEndpoints.Platform, ct))
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Webhooks).ExcludeFromDescription();
        group.MapPost("/connect", (HttpContext c, CancellationToken ct) => HandleAsync(c, WebhookEndpoints.Connect, ct))
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
        var mediator = context.RequestServices.GetRequiredService<IMediator>();
        var receipt = await mediator.Send(new ReceiveStripeWebhook(endpoint, buffer.ToArray(), context.Request.Headers["Stripe-Signature"].ToString()), ct);
        return TypedResults.Ok(new { received = true, duplicate = receipt.Duplicate });
    }
}
