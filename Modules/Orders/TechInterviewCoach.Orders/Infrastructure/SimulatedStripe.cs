using System.Text;
using System.Text.Json;

namespace TechInterviewCoach.Orders.Infrastructure;

/// <summary>
/// The payment simulator, used when Stripe:SecretKey is empty: the same order flow without real money. Connected
/// accounts are enabled at once; Checkout redirects to /simulator/checkout/{id}; refunds answer at once and their
/// charge.refunded event arrives, signed, through the same webhook path as Stripe's.
/// </summary>
internal sealed class SimulatedStripe(SimulatorEvents events, IServiceScopeFactory scopes) : IStripeGateway
{
    public bool IsSimulator => true;

    // The whole id: version-7 GUIDs share their leading (time) digits, so a prefix collides for coaches created together.
    public static string AccountIdFor(Guid coachId) => "acct_sim_" + coachId.ToString("N");
    public static string SessionIdFor(Guid orderId) => "cs_sim_" + orderId.ToString("N");
    public static string PaymentIntentFor(Guid orderId) => "pi_sim_" + orderId.ToString("N");
    public static string ChargeFor(Guid orderId) => "ch_sim_" + orderId.ToString("N");

    public Task<StripeAccount> CreateExpressAccountAsync(Guid coachId, CancellationToken ct) =>
        Task.FromResult(new StripeAccount(AccountIdFor(coachId), false, false, false, ["external_account"]));

    /// <summary>Onboarding completes instantly: the "link" is the return page, which re-reads an enabled account.</summary>
    public Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct) => Task.FromResult(returnUrl);

    public Task<StripeAccount> GetAccountAsync(string accountId, CancellationToken ct) =>
        Task.FromResult(new StripeAccount(accountId, true, true, true, []));

    public Task<StripeCheckoutSession> CreateCheckoutSessionAsync(CheckoutSessionRequest request, string idempotencyKey, CancellationToken ct)
    {
        var id = SessionIdFor(request.OrderId);
        return Task.FromResult(new StripeCheckoutSession(id, $"/simulator/checkout/{id}", null));
    }

    /// <summary>The simulator's checkout page refuses an order that is no longer pending, so expiring needs no state here.</summary>
    public Task<string> ExpireCheckoutSessionAsync(string sessionId, CancellationToken ct) => Task.FromResult("expired");

    public async Task<StripeRefund> CreateRefundAsync(RefundRequest request, string idempotencyKey, CancellationToken ct)
    {
        var refundId = "re_sim_" + Guid.NewGuid().ToString("N")[..20];
        long total;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            total = await db.Refunds.Where(r => r.OrderId == request.OrderId && r.Status != RefundStatus.Failed).SumAsync(r => r.AmountMinor, ct);
        }
        await events.DeliverAsync(WebhookEndpoints.Platform, "charge.refunded", new Dictionary<string, object?>
        {
            ["id"] = ChargeFor(request.OrderId), ["object"] = "charge", ["payment_intent"] = request.PaymentIntentId,
            ["amount_refunded"] = total, ["refunded"] = true, ["metadata"] = new Dictionary<string, string> { ["order_id"] = request.OrderId.ToString() },
        }, null, ct);
        return new StripeRefund(refundId, "succeeded");
    }
}

/// <summary>Builds Stripe-shaped events, signs them with the endpoint's secret, and hands them to the webhook use case (<see cref="ReceiveStripeWebhook"/>).</summary>
internal sealed class SimulatorEvents(IServiceScopeFactory scopes, WebhookSecrets secrets, TimeProvider time)
{
    public async Task<string> DeliverAsync(string endpoint, string type, object dataObject, string? account, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = "evt_sim_" + Guid.NewGuid().ToString("N");
        var ev = new Dictionary<string, object?>
        {
            ["id"] = id, ["object"] = "event", ["api_version"] = StripeOptions.ApiVersion, ["created"] = now.ToUnixTimeSeconds(),
            ["livemode"] = false, ["type"] = type, ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        };
        if (account is not null) ev["account"] = account;
        var json = JsonSerializer.Serialize(ev);
        var body = Encoding.UTF8.GetBytes(json);
        var header = global::Stripe.EventUtility.GenerateSignatureHeader(json, secrets.For(endpoint), now.ToUnixTimeSeconds());
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReceiveStripeWebhook(endpoint, body, header), ct);
        return id;
    }

    public Task<string> CheckoutAsync(Order order, string type, string paymentStatus, CancellationToken ct) =>
        DeliverAsync(WebhookEndpoints.Platform, type, new Dictionary<string, object?>
        {
            ["id"] = order.CheckoutSessionId, ["object"] = "checkout.session", ["mode"] = "payment",
            ["amount_total"] = order.GrossMinor, ["currency"] = order.Currency.ToLowerInvariant(),
            ["client_reference_id"] = order.Id.ToString(), ["payment_status"] = paymentStatus,
            ["status"] = type == "checkout.session.expired" ? "expired" : "complete",
            ["payment_intent"] = type == "checkout.session.expired" ? null : SimulatedStripe.PaymentIntentFor(order.Id),
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = order.Id.ToString() },
        }, null, ct);

    public Task<string> PayoutAsync(string accountId, long amountMinor, string currency, bool failed, CancellationToken ct) =>
        DeliverAsync(WebhookEndpoints.Connect, failed ? "payout.failed" : "payout.paid", new Dictionary<string, object?>
        {
            ["id"] = "po_sim_" + Guid.NewGuid().ToString("N")[..20], ["object"] = "payout", ["amount"] = amountMinor,
            ["currency"] = currency.ToLowerInvariant(), ["arrival_date"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["status"] = failed ? "failed" : "paid", ["failure_message"] = failed ? "The bank account could not be credited (simulated)." : null,
        }, accountId, ct);
}
