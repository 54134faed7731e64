using System.Text.RegularExpressions;

namespace TechInterviewCoach.Integrations.Domain;

/// <summary>Removes what must never leave the app in an error text: email addresses, bearer tokens, query strings.</summary>
internal static partial class Scrub
{
    public static string Text(string? text, int max = 2000)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var scrubbed = EmailAddress.Redact(text);
        scrubbed = BearerPattern().Replace(scrubbed, "Bearer [redacted]");
        scrubbed = QueryPattern().Replace(scrubbed, "?[query]");
        return scrubbed.Length > max ? scrubbed[..max] : scrubbed;
    }

    public static bool LooksLikeEmail(string? text) => EmailAddress.Occurs(text);

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\?[^\s""'<>]*=[^\s""'<>]*")]
    private static partial Regex QueryPattern();
}
