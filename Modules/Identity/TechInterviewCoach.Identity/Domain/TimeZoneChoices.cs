namespace TechInterviewCoach.Identity.Domain;

/// <summary>IANA time zones offered in the select.</summary>
internal static class TimeZoneChoices
{
    public static readonly IReadOnlyList<string> All = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC")
        .Where(id => !id.StartsWith("Etc/", StringComparison.Ordinal) && !id.StartsWith("SystemV/", StringComparison.Ordinal))
        .Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();
}
