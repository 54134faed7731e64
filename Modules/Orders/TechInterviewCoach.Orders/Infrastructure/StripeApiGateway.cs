using System.Net;
using StripeNet = global::Stripe;

namespace TechInterviewCoach.Orders.Infrastructure;

/// <summary>
/// Stripe's REST API through Stripe.net over a typed HttpClient from IHttpClientFactory. Stripe.net encodes the
/// forms, sends the bearer key, the pinned Stripe-Version, Stripe-Account for calls on a connected account and the
/// Idempotency-Key we give it (the same key on each of its retries of 409/5xx/lock-timeout 429/dropped connections).
/// No card data passes here.
/// </summary>
internal sealed class StripeApiGateway : IStripeGateway
{
    private readonly StripeNet.IStripeClient _client;
    private readonly ILogger<StripeApiGateway> _logger;

    public StripeApiGateway(HttpClient http, IOptions<StripeOptions> options, ILogger<StripeApiGateway> logger)
    {
        var o = options.Value;
        _logger = logger;
        _client = new StripeNet.StripeClient(new StripeNet.StripeClientOptions
        {
            ApiKey = o.SecretKey,
            ApiBase = o.ApiBase.TrimEnd('/'),
            ConnectBase = o.EffectiveConnectBase,
            HttpClient = new StripeNet.SystemNetHttpClient(http, o.MaxRetries, appInfo: null, enableTelemetry: false),
        });
    }

    public bool IsSimulator => false;

    private static StripeNet.RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    public async Task<StripeAccount> CreateExpressAccountAsync(Guid coachId, CancellationToken ct)
    {
        var account = await CallAsync("create a connected account", () => new StripeNet.AccountService(_client).CreateAsync(new StripeNet.AccountCreateOptions
        {
            Type = "express",
            Capabilities = new StripeNet.AccountCapabilitiesOptions
            {
                Transfers = new StripeNet.AccountCapabilitiesTransfersOptions { Requested = true },
                CardPayments = new StripeNet.AccountCapabilitiesCardPaymentsOptions { Requested = true },
            },
            Metadata = new Dictionary<string, string> { ["coach_id"] = coachId.ToString() },
        }, Key($"account-{coachId}"), ct), ct);
        return ToAccount(account);
    }

    public async Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct)
    {
        var link = await CallAsync("create an onboarding link", () => new StripeNet.AccountLinkService(_client).CreateAsync(new StripeNet.AccountLinkCreateOptions
        {
            Account = accountId,
            Type = "account_onboarding",
            RefreshUrl = refreshUrl,
            ReturnUrl = returnUrl,
        }, Key(Guid.NewGuid().ToString()), ct), ct);
        return link.Url ?? throw new StripeUnavailableException("Stripe returned an account link without a URL.");
    }

    public async Task<StripeAccount> GetAccountAsync(string accountId, CancellationToken ct) =>
        ToAccount(await CallAsync("read a connected account", () => new StripeNet.AccountService(_client).GetAsync(accountId, null, null, ct), ct));

    public async Task<StripeCheckoutSession> CreateCheckoutSessionAsync(CheckoutSessionRequest r, string idempotencyKey, CancellationToken ct)
    {
        var orderId = r.OrderId.ToString();
        var session = await CallAsync("create a Checkout Session", () => new StripeNet.Checkout.SessionService(_client).CreateAsync(new StripeNet.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = orderId,
            LineItems =
            [
                new StripeNet.Checkout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new StripeNet.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = r.Currency.ToLowerInvariant(),
                        UnitAmount = r.UnitAmountMinor,
                        ProductData = new StripeNet.Checkout.SessionLineItemPriceDataProductDataOptions { Name = r.ProductName },
                    },
                },
            ],
            PaymentIntentData = new StripeNet.Checkout.SessionPaymentIntentDataOptions
            {
                ApplicationFeeAmount = r.ApplicationFeeMinor,
                TransferData = new StripeNet.Checkout.SessionPaymentIntentDataTransferDataOptions { Destination = r.DestinationAccountId },
                Metadata = new Dictionary<string, string> { ["order_id"] = orderId },
            },
            Metadata = new Dictionary<string, string> { ["order_id"] = orderId },
            SuccessUrl = r.SuccessUrl,
            CancelUrl = r.CancelUrl,
            ExpiresAt = DateTime.SpecifyKind(r.ExpiresAt, DateTimeKind.Utc),
        }, Key(idempotencyKey), ct), ct);
        return new StripeCheckoutSession(session.Id,
            session.Url ?? throw new StripeUnavailableException("Stripe returned a Checkout Session without a URL."),
            session.PaymentIntentId);
    }

    public async Task<StripeRefund> CreateRefundAsync(RefundRequest r, string idempotencyKey, CancellationToken ct)
    {
        var refund = await CallAsync("create a refund", () => new StripeNet.RefundService(_client).CreateAsync(new StripeNet.RefundCreateOptions
        {
            PaymentIntent = r.PaymentIntentId,
            Amount = r.AmountMinor,
            ReverseTransfer = true,
            RefundApplicationFee = r.RefundApplicationFee,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["order_id"] = r.OrderId.ToString() },
        }, Key(idempotencyKey), ct), ct);
        return new StripeRefund(refund.Id, refund.Status ?? "");
    }

    public async Task<string> ExpireCheckoutSessionAsync(string sessionId, CancellationToken ct)
    {
        var sessions = new StripeNet.Checkout.SessionService(_client);
        try
        {
            var expired = await CallAsync("expire a Checkout Session", () => sessions.ExpireAsync(sessionId, null, Key($"expire-{sessionId}"), ct), ct);
            return expired.Status ?? "";
        }
        catch (StripeApiException e) when (e.Status != 404)
        {
            // Only an open session can be expired: read what it is now (already expired, or paid meanwhile).
            var session = await CallAsync("read a Checkout Session", () => sessions.GetAsync(sessionId, null, null, ct), ct);
            return session.Status ?? "";
        }
    }

    internal static StripeAccount ToAccount(StripeNet.Account a) =>
        new(a.Id, a.ChargesEnabled, a.PayoutsEnabled, a.DetailsSubmitted, a.Requirements?.CurrentlyDue?.ToList() ?? []);

    /// <summary>One Stripe.net call (it retries on its own); its failures become the module's two exceptions.</summary>
    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call, CancellationToken ct) where T : StripeNet.StripeEntity
    {
        try
        {
            return await call();
        }
        catch (StripeNet.StripeException e) when ((int)e.HttpStatusCode == 429 || (int)e.HttpStatusCode >= 500)
        {
            _logger.LogWarning("Stripe call to {What} failed: {Status} {Type}", what, (int)e.HttpStatusCode, e.StripeError?.Type);
            throw new StripeUnavailableException("Stripe is not answering right now. Nothing was charged; please try again in a minute.", e);
        }
        catch (StripeNet.StripeException e)
        {
            _logger.LogWarning("Stripe rejected the call to {What}: {Status} {Type} {Code}", what, (int)e.HttpStatusCode, e.StripeError?.Type, e.StripeError?.Code);
            throw ToException(e);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning("Stripe call to {What} could not reach Stripe: {Error}", what, e.GetType().Name);
            throw new StripeUnavailableException("Stripe cannot be reached right now. Nothing was charged; please try again in a minute.", e);
        }
    }

    /// <summary>Stripe.net's error (type, code, param, message) as a message fit to show.</summary>
    internal static StripeApiException ToException(StripeNet.StripeException e)
    {
        var status = (int)e.HttpStatusCode;
        var error = e.StripeError;
        var (type, code, param, message) = (error?.Type, error?.Code, error?.Param, error?.Message);
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
}
