namespace TechInterviewCoach.Orders.Infrastructure;

/// <summary>The module's port to Stripe: the real HTTP client, or the payment simulator when no key is configured.</summary>
internal interface IStripeGateway
{
    bool IsSimulator { get; }
    Task<StripeAccount> CreateExpressAccountAsync(Guid coachId, CancellationToken ct);
    Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct);
    Task<StripeAccount> GetAccountAsync(string accountId, CancellationToken ct);
    Task<StripeCheckoutSession> CreateCheckoutSessionAsync(CheckoutSessionRequest request, string idempotencyKey, CancellationToken ct);
    Task<StripeRefund> CreateRefundAsync(RefundRequest request, string idempotencyKey, CancellationToken ct);
    /// <summary>Expires an open Checkout Session so it can no longer be paid; returns the session's status afterwards
    /// ("expired", or "complete" when the customer paid first). Safe to repeat.</summary>
    Task<string> ExpireCheckoutSessionAsync(string sessionId, CancellationToken ct);
}

internal sealed record StripeAccount(string Id, bool ChargesEnabled, bool PayoutsEnabled, bool DetailsSubmitted, IReadOnlyList<string> CurrentlyDue);

internal sealed record CheckoutSessionRequest(
    Guid OrderId, string ProductName, long UnitAmountMinor, string Currency, long ApplicationFeeMinor,
    string DestinationAccountId, string SuccessUrl, string CancelUrl, DateTime ExpiresAt);

internal sealed record StripeCheckoutSession(string Id, string Url, string? PaymentIntentId);

internal sealed record RefundRequest(Guid OrderId, string PaymentIntentId, long AmountMinor, bool RefundApplicationFee);

internal sealed record StripeRefund(string Id, string Status);

/// <summary>Stripe answered with an error object ({"error":{type,code,message,param}}); the message is fit to show.</summary>
internal sealed class StripeApiException(int status, string? type, string? code, string? param, string message)
    : Exception(message)
{
    public int Status { get; } = status;
    public string? Type { get; } = type;
    public string? Code { get; } = code;
    public string? Param { get; } = param;
    public bool IsTransient => Status == 429 || Status >= 500;
}

/// <summary>Stripe could not be reached or kept failing (5xx/429) after the retries.</summary>
internal sealed class StripeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
