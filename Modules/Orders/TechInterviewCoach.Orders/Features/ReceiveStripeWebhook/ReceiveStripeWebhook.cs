using Stripe;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// Verifies a delivery's signature against the raw body, then stores the event (id unique) before any effect.
/// Processing happens later, from the stored row. The HTTP endpoints and the simulator both come through here.
/// </summary>
internal sealed record ReceiveStripeWebhook(string Endpoint, byte[] Body, string? SignatureHeader) : IRequest<WebhookReceipt>;

internal sealed record WebhookReceipt(string EventId, bool Duplicate);

internal sealed class ReceiveStripeWebhookHandler(WebhookSecrets secrets, IOptions<StripeOptions> options, TimeProvider time,
    StripeEventInbox inbox, StripeEventSignal signal, ILogger<ReceiveStripeWebhookHandler> logger) : IRequestHandler<ReceiveStripeWebhook, WebhookReceipt>
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

        // Stripe.net checks the signature on the raw body (any v1 may match; the timestamp within the tolerance). The
        // event itself is only read as far as storing it needs (id, type, account, version, created, object): Stripe.net
        // builds its typed event when the processor applies it (decision 0024). The API version is checked below, so a
        // mismatch is stored and shown, not dropped.
        try
        {
            EventUtility.ValidateSignature(json, signatureHeader, secret, options.Value.SignatureToleranceSeconds, now.ToUnixTimeSeconds());
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

        var head = StripeEventHead.Read(body);
        if (head is null || head.Id.Length > 255 || head.Type.Length > 100 || head.Account is { Length: > 100 })
            throw new InputException("malformed_event", "body", "The body is not a Stripe event.");
        var (id, type) = (head.Id, head.Type);

        string? versionError = null;
        if (head.ApiVersion != StripeOptions.ApiVersion)
            versionError = $"api_version {head.ApiVersion ?? "(none)"} differs from {StripeOptions.ApiVersion}, the version Stripe.net {StripeConfiguration.StripeNetVersion} reads; "
                           + "set aside: recreate the webhook endpoint with the pinned version, then retry the event";

        var utc = now.UtcDateTime;
        // One INSERT … ON CONFLICT DO NOTHING, committed with the deliveries arriving meanwhile; a repeat is acknowledged without effect.
        var stored = await inbox.StoreAsync(new StripeEventRecord
        {
            Id = id, Endpoint = endpoint, Type = type, Account = head.Account, Payload = json,
            ReceivedAt = utc, NextAttemptAt = utc,
            Status = versionError is null ? StripeEventStatus.Pending : StripeEventStatus.GaveUp, LastError = versionError,
            ObjectKey = head.ObjectKey is { Length: <= 255 } key ? key : null, StripeCreatedAt = head.Created,
        }, ct);
        if (!stored) return new WebhookReceipt(id, true);
        if (versionError is not null)
            logger.LogError("Stripe event {EventId} ({Type}) on the {Endpoint} endpoint has API version {EventApiVersion}, but this build reads {PinnedApiVersion}: "
                            + "stored and set aside for an admin to retry (check the endpoint's API version in Stripe)",
                id, type, endpoint, head.ApiVersion, StripeOptions.ApiVersion);
        else signal.Notify();
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
        using var buffer = new MemoryStream(context.Request.ContentLength is > 0 and <= maxBytes and var length ? (int)length : 4096);
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
