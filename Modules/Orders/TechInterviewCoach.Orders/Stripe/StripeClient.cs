using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace TechInterviewCoach.Orders.Stripe;

/// <summary>
/// Stripe's REST API over one typed HttpClient: form-encoded bodies with Stripe's nested names, bearer key,
/// pinned Stripe-Version, Idempotency-Key on every POST (the same key on every retry), Stripe-Account for calls
/// on a connected account; 429/5xx and network failures retried with exponential backoff. No card data passes here.
/// </summary>
internal sealed class StripeClient : IStripeGateway
{
    private readonly HttpClient _http;
    private readonly StripeOptions _options;
    private readonly ILogger<StripeClient> _logger;
    private readonly ResiliencePipeline _retry;

    public StripeClient(HttpClient http, IOptions<StripeOptions> options, ILogger<StripeClient> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder();
        if (_options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>()
                    .Handle<StripeApiException>(e => e.IsTransient),
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = a =>
                {
                    _logger.LogWarning("Stripe call failed ({Error}); retry {Attempt}", a.Outcome.Exception?.GetType().Name, a.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        _retry = builder.Build();
    }

    public bool IsSimulator => false;

    public async Task<StripeAccount> CreateExpressAccountAsync(Guid coachId, CancellationToken ct)
    {
        var form = new StripeForm()
            .Add("type", "express")
            .Add("capabilities[transfers][requested]", "true")
            .Add("capabilities[card_payments][requested]", "true")
            .Add("metadata[coach_id]", coachId.ToString());
        using var json = await SendAsync(HttpMethod.Post, "/v1/accounts", form, $"account-{coachId}", null, ct);
        return ReadAccount(json.RootElement);
    }

    public async Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct)
    {
        var form = new StripeForm()
            .Add("account", accountId)
            .Add("type", "account_onboarding")
            .Add("refresh_url", refreshUrl)
            .Add("return_url", returnUrl);
        using var json = await SendAsync(HttpMethod.Post, "/v1/account_links", form, Guid.NewGuid().ToString(), null, ct);
        return json.RootElement.GetProperty("url").GetString() ?? throw new StripeUnavailableException("Stripe returned an account link without a URL.");
    }

    public async Task<StripeAccount> GetAccountAsync(string accountId, CancellationToken ct)
    {
        using var json = await SendAsync(HttpMethod.Get, $"/v1/accounts/{Uri.EscapeDataString(accountId)}", null, null, null, ct);
        return ReadAccount(json.RootElement);
    }

    public async Task<StripeCheckoutSession> CreateCheckoutSessionAsync(CheckoutSessionRequest r, string idempotencyKey, CancellationToken ct)
    {
        var orderId = r.OrderId.ToString();
        var form = new StripeForm()
            .Add("mode", "payment")
            .Add("client_reference_id", orderId)
            .Add("line_items[0][quantity]", "1")
            .Add("line_items[0][price_data][currency]", r.Currency.ToLowerInvariant())
            .Add("line_items[0][price_data][unit_amount]", r.UnitAmountMinor)
            .Add("line_items[0][price_data][product_data][name]", r.ProductName)
            .Add("payment_intent_data[application_fee_amount]", r.ApplicationFeeMinor)
            .Add("payment_intent_data[transfer_data][destination]", r.DestinationAccountId)
            .Add("payment_intent_data[metadata][order_id]", orderId)
            .Add("metadata[order_id]", orderId)
            .Add("success_url", r.SuccessUrl)
            .Add("cancel_url", r.CancelUrl)
            .Add("expires_at", new DateTimeOffset(DateTime.SpecifyKind(r.ExpiresAt, DateTimeKind.Utc)).ToUnixTimeSeconds());
        using var json = await SendAsync(HttpMethod.Post, "/v1/checkout/sessions", form, idempotencyKey, null, ct);
        var root = json.RootElement;
        return new StripeCheckoutSession(
            root.GetProperty("id").GetString()!,
            root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString()! : throw new StripeUnavailableException("Stripe returned a Checkout Session without a URL."),
            root.TryGetProperty("payment_intent", out var pi) && pi.ValueKind == JsonValueKind.String ? pi.GetString() : null);
    }

    public async Task<StripeRefund> CreateRefundAsync(RefundRequest r, string idempotencyKey, CancellationToken ct)
    {
        var form = new StripeForm()
            .Add("payment_intent", r.PaymentIntentId)
            .Add("amount", r.AmountMinor)
            .Add("reverse_transfer", "true")
            .Add("refund_application_fee", r.RefundApplicationFee ? "true" : "false")
            .Add("reason", "requested_by_customer")
            .Add("metadata[order_id]", r.OrderId.ToString());
        using var json = await SendAsync(HttpMethod.Post, "/v1/refunds", form, idempotencyKey, null, ct);
        var root = json.RootElement;
        return new StripeRefund(root.GetProperty("id").GetString()!, root.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "");
    }

    public async Task<string> ExpireCheckoutSessionAsync(string sessionId, CancellationToken ct)
    {
        var path = $"/v1/checkout/sessions/{Uri.EscapeDataString(sessionId)}";
        try
        {
            using var expired = await SendAsync(HttpMethod.Post, path + "/expire", new StripeForm(), $"expire-{sessionId}", null, ct);
            return Status(expired.RootElement);
        }
        catch (StripeApiException e) when (!e.IsTransient && e.Status != 404)
        {
            // Only an open session can be expired: read what it is now (already expired, or paid meanwhile).
            using var session = await SendAsync(HttpMethod.Get, path, null, null, null, ct);
            return Status(session.RootElement);
        }
        static string Status(JsonElement root) => root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
    }

    /// <summary>
    /// One Stripe call with retries. <paramref name="stripeAccount"/> sets Stripe-Account (acting on a connected account).
    /// Every attempt of a POST carries the same Idempotency-Key, so a retry never creates a second object.
    /// </summary>
    internal async Task<JsonDocument> SendAsync(HttpMethod method, string path, StripeForm? form, string? idempotencyKey, string? stripeAccount, CancellationToken ct)
    {
        if (method == HttpMethod.Post && idempotencyKey is null) throw new ArgumentException("POSTs to Stripe need an idempotency key.", nameof(idempotencyKey));
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(method, path.TrimStart('/'));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SecretKey);
                request.Headers.TryAddWithoutValidation("Stripe-Version", StripeOptions.ApiVersion);
                if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
                if (stripeAccount is not null) request.Headers.TryAddWithoutValidation("Stripe-Account", stripeAccount);
                if (form is not null) request.Content = form.ToContent();
                using var response = await _http.SendAsync(request, token);
                var text = await response.Content.ReadAsStringAsync(token);
                if (!response.IsSuccessStatusCode) throw ToException((int)response.StatusCode, text);
                return JsonDocument.Parse(text);
            }, ct);
        }
        catch (StripeApiException e) when (e.IsTransient)
        {
            throw new StripeUnavailableException("Stripe is not answering right now. Nothing was charged; please try again in a minute.", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new StripeUnavailableException("Stripe cannot be reached right now. Nothing was charged; please try again in a minute.", e);
        }
    }

    internal static StripeApiException ToException(int status, string body)
    {
        string? type = null, code = null, param = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                type = Str(error, "type"); code = Str(error, "code"); param = Str(error, "param"); message = Str(error, "message");
            }
        }
        catch (JsonException) { }
        var clear = type switch
        {
            "authentication_error" => "Stripe rejected the platform's API key (check Stripe:SecretKey).",
            "rate_limit_error" => "Stripe is receiving too many requests; try again shortly.",
            "api_error" => "Stripe had an internal problem; try again shortly.",
            "idempotency_error" => "Stripe saw this request before with different parameters.",
            "card_error" => $"The payment was declined: {message}",
            "invalid_request_error" => $"Stripe rejected the request{(param is null ? "" : $" (parameter {param})")}: {message}",
            _ => status >= 500 ? $"Stripe answered {status}." : $"Stripe answered {status}: {message ?? "no details"}",
        };
        if (code is not null && type is not "card_error") clear += $" [{code}]";
        return new StripeApiException(status, type, code, param, clear);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static StripeAccount ReadAccount(JsonElement root)
    {
        var due = new List<string>();
        if (root.TryGetProperty("requirements", out var req) && req.ValueKind == JsonValueKind.Object
            && req.TryGetProperty("currently_due", out var cd) && cd.ValueKind == JsonValueKind.Array)
            due.AddRange(cd.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        return new StripeAccount(
            root.GetProperty("id").GetString()!,
            Bool(root, "charges_enabled"), Bool(root, "payouts_enabled"), Bool(root, "details_submitted"), due);
    }

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}

/// <summary>An application/x-www-form-urlencoded body with Stripe's bracketed nested names, in insertion order.</summary>
internal sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];
    public StripeForm Add(string name, string value) { _fields.Add(new(name, value)); return this; }
    public StripeForm Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;
    public HttpContent ToContent() => new FormUrlEncodedContent(_fields);
}
