using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechInterviewCoach.Orders.Stripe;

/// <summary>
/// Stripe-Signature: "t={unix},v1={hex}[,v1=...]" where v1 = HMAC-SHA256(secret, "{t}.{raw body}").
/// Any v1 may match (secret rolling); the timestamp must be within the tolerance.
/// </summary>
internal static class StripeSignature
{
    public enum Result { Valid, Missing, Malformed, Stale, Mismatch }

    public static Result Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, int toleranceSeconds)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret)) return Result.Missing;
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var key = part[..eq];
            var value = part[(eq + 1)..];
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;
            else if (key == "v1") signatures.Add(value);
        }
        if (timestamp is null || signatures.Count == 0) return Result.Malformed;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > toleranceSeconds) return Result.Stale;

        var expected = Encoding.ASCII.GetBytes(Compute(timestamp.Value, body, secret));
        foreach (var candidate in signatures)
        {
            var bytes = Encoding.ASCII.GetBytes(candidate.ToLowerInvariant());
            if (bytes.Length == expected.Length && CryptographicOperations.FixedTimeEquals(bytes, expected)) return Result.Valid;
        }
        return Result.Mismatch;
    }

    public static string Compute(long timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>The header Stripe would send for this body at this time.</summary>
    public static string Header(ReadOnlySpan<byte> body, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t},v1={Compute(t, body, secret)}";
    }
}
