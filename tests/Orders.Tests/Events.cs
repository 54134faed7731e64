using System.Text.Json.Nodes;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>Stripe events built from the official example objects, patched to an order.</summary>
public static class Events
{
    public static string Id() => "evt_test_" + Guid.NewGuid().ToString("N")[..20];

    public static string Checkout(string type, Guid orderId, string paymentStatus = "paid", string? pi = null, string? id = null, DateTimeOffset? created = null) =>
        StripeFixtures.Event(id ?? Id(), type, StripeFixtures.Get("checkout.session").Patch(cs =>
        {
            cs["metadata"] = new JsonObject { ["order_id"] = orderId.ToString() };
            cs["payment_status"] = paymentStatus;
            cs["payment_intent"] = pi ?? PaymentIntent(orderId);
        }), created ?? DateTimeOffset.UtcNow);

    public static string PaymentIntent(Guid orderId) => "pi_test_" + orderId.ToString("N")[..16];
    public static string Charge(Guid orderId) => "ch_test_" + orderId.ToString("N")[..16];

    public static string Refunded(Guid orderId, long amountRefunded, string? id = null, DateTimeOffset? created = null) =>
        StripeFixtures.Event(id ?? Id(), "charge.refunded", StripeFixtures.Get("charge").Patch(ch =>
        {
            ch["id"] = Charge(orderId); ch["payment_intent"] = PaymentIntent(orderId); ch["amount_refunded"] = amountRefunded; ch["refunded"] = true;
            ch["metadata"] = new JsonObject();
        }), created ?? DateTimeOffset.UtcNow);

    public static string Dispute(string type, Guid orderId, string status, long amount, string? id = null, DateTimeOffset? created = null) =>
        StripeFixtures.Event(id ?? Id(), type, StripeFixtures.Get("dispute").Patch(d =>
        {
            d["id"] = "dp_test_" + orderId.ToString("N")[..16]; d["charge"] = Charge(orderId); d["payment_intent"] = PaymentIntent(orderId);
            d["status"] = status; d["amount"] = amount; d["reason"] = "fraudulent";
            d["metadata"] = new JsonObject();
        }), created ?? DateTimeOffset.UtcNow);

    public static string Account(string accountId, bool enabled, DateTimeOffset created) =>
        StripeFixtures.Event(Id(), "account.updated", StripeFixtures.Get("account").Patch(a =>
        {
            a["id"] = accountId; a["charges_enabled"] = enabled; a["payouts_enabled"] = enabled;
            a["requirements"]!["currently_due"] = enabled ? new JsonArray() : new JsonArray("external_account");
        }), created, accountId);

    public static string Payout(string type, string accountId, string payoutId, long amount) =>
        StripeFixtures.Event(Id(), type, StripeFixtures.Get("payout").Patch(p =>
        {
            p["id"] = payoutId; p["amount"] = amount; p["status"] = type == "payout.paid" ? "paid" : "failed";
            if (type == "payout.failed") p["failure_message"] = "The bank account has been closed.";
        }), DateTimeOffset.UtcNow, accountId);
}
