using System.Globalization;
using System.Text.RegularExpressions;

namespace TechInterviewCoach.Integrations.Domain;

/// <summary>
/// What may leave for PostHog. Only known events; per event only listed properties; each value a short
/// token (letters, digits, _ . : -), never free text. An "amount" in minor units is turned into a coarse bucket.
/// </summary>
internal static partial class AnalyticsAllowList
{
    private static readonly Dictionary<string, HashSet<string>> Events = new()
    {
        [AnalyticsEvents.QuizCompleted] = ["quiz_version", "retake", "interview_type", "seniority", "has_cv", "source", "count"],
        [AnalyticsEvents.MatchesViewed] = ["result_count", "filtered", "interview_type", "count", "source"],
        [AnalyticsEvents.ConversationStarted] = ["source", "interview_type"],
        [AnalyticsEvents.CheckoutStarted] = ["plan", "kind", "currency", "amount_bucket", "count", "interview_type", "source"],
        [AnalyticsEvents.OrderPaid] = ["plan", "kind", "currency", "amount_bucket", "count", "interview_type", "source"],
        [AnalyticsEvents.OrderRefunded] = ["plan", "kind", "currency", "amount_bucket", "source"],
        [AnalyticsEvents.CoachListed] = ["plan", "kind", "currency", "amount_bucket", "count", "interview_type"],
    };

    public static bool IsKnown(string eventName) => Events.ContainsKey(eventName);

    public static IReadOnlyCollection<string> AllowedFor(string eventName) => Events.TryGetValue(eventName, out var keys) ? keys : [];

    /// <summary>The properties that may be sent; everything else is dropped.</summary>
    public static Dictionary<string, string> Filter(string eventName, IReadOnlyDictionary<string, string>? properties)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties is null || !Events.TryGetValue(eventName, out var allowed)) return result;
        var currency = properties.FirstOrDefault(p => ToSnake(p.Key) == "currency").Value?.Trim() ?? "";
        foreach (var (rawKey, rawValue) in properties)
        {
            var key = ToSnake(rawKey);
            var value = rawValue?.Trim() ?? "";
            if (key is "amount" or "amount_minor" && allowed.Contains("amount_bucket"))
            {
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minor)) result["amount_bucket"] = Bucket(minor, currency);
                continue;
            }
            if (!allowed.Contains(key) || !Token().IsMatch(value)) continue;
            result[key] = key == "currency" ? value.ToLowerInvariant() : value;
        }
        return result;
    }

    /// <summary>
    /// Coarse price band in major units of the amount's currency ("0-50", "50-100", "100-250", "250-500", "500+"):
    /// 30000 is EUR 300.00 but JPY 30,000. Without a currency, two decimals (the common case).
    /// </summary>
    public static string Bucket(long minorUnits, string currency)
    {
        var major = Currencies.ToMajor(minorUnits, currency);
        return major switch { < 50 => "0-50", < 100 => "50-100", < 250 => "100-250", < 500 => "250-500", _ => "500+" };
    }

    private static string ToSnake(string key) =>
        TechInterviewCoach.BuildingBlocks.Persistence.ModuleDbContext.ToSnakeCase(key.Trim()).Replace('-', '_');

    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]{1,40}$")]
    private static partial Regex Token();
}
