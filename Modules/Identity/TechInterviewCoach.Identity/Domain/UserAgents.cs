namespace TechInterviewCoach.Identity.Domain;

/// <summary>Browser and system names from a User-Agent header: the few families people recognise, nothing more.</summary>
internal static class UserAgents
{
    public static (string Browser, string System) Describe(string? userAgent)
    {
        var ua = userAgent ?? "";
        return (Browser(ua), System(ua));
    }

    private static string Browser(string ua)
    {
        (string Token, string Name)[] families =
        [
            ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
            ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("HeadlessChrome/", "Chrome (headless)"), ("CriOS/", "Chrome"),
            ("Chrome/", "Chrome"), ("Chromium/", "Chromium"),
        ];
        foreach (var (token, name) in families)
        {
            var version = Version(ua, token);
            if (version is not null) return $"{name} {version}";
        }
        if (ua.Contains("Safari/", StringComparison.Ordinal) && Version(ua, "Version/") is { } safari) return $"Safari {safari}";
        return ua.Length == 0 ? "Unknown browser" : "Other browser";
    }

    private static string System(string ua)
    {
        if (ua.Contains("Android", StringComparison.Ordinal)) return "Android";
        if (ua.Contains("iPhone", StringComparison.Ordinal)) return "iOS (iPhone)";
        if (ua.Contains("iPad", StringComparison.Ordinal)) return "iPadOS";
        if (ua.Contains("Windows", StringComparison.Ordinal)) return "Windows";
        if (ua.Contains("CrOS", StringComparison.Ordinal)) return "ChromeOS";
        if (ua.Contains("Mac OS X", StringComparison.Ordinal) || ua.Contains("Macintosh", StringComparison.Ordinal)) return "macOS";
        if (ua.Contains("Linux", StringComparison.Ordinal)) return "Linux";
        return "Unknown system";
    }

    /// <summary>The major version after a token ("Chrome/156.0.1" → "156"), or null when the token is absent.</summary>
    private static string? Version(string ua, string token)
    {
        var at = ua.IndexOf(token, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + token.Length;
        var end = start;
        while (end < ua.Length && end - start < 6 && char.IsAsciiDigit(ua[end])) end++;
        return end > start ? ua[start..end] : "";
    }
}
