using System.Text.Json;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// What the receiver needs of a verified event to store it: read straight from the body's bytes, without building
/// Stripe.net's typed event (the processor does that when it applies the event).
/// </summary>
internal sealed record StripeEventHead(string Id, string Type, string? Account, string? ApiVersion, DateTime Created, string? ObjectKey)
{
    /// <summary>The head of a Stripe event, or null when the body is not one (not JSON, no id/type, no data object).</summary>
    public static StripeEventHead? Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var id = String(root, "id");
            var type = String(root, "type");
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return null;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type)) return null;
            var created = root.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var seconds)
                          && seconds is > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime : DateTime.UnixEpoch;
            var obj = data.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
            return new StripeEventHead(id, type, String(root, "account"), String(root, "api_version"), created, ObjectKeyOf(obj));
        }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// The object whose events must apply in order: a payment's events (Checkout Session, charge, refund, dispute) share
    /// its PaymentIntent; a Checkout Session without one yet goes by its order; anything else (account, payout) by its own id.
    /// </summary>
    private static string? ObjectKeyOf(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object) return null;
        if (String(obj, "object") == "payment_intent" && String(obj, "id") is { Length: > 0 } pi) return pi;
        if (obj.TryGetProperty("payment_intent", out var p))
        {
            if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } id) return id;
            if (p.ValueKind == JsonValueKind.Object && String(p, "id") is { Length: > 0 } expanded) return expanded;
        }
        if (obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && String(m, "order_id") is { Length: > 0 } order)
            return "order:" + order;
        return String(obj, "id");
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
