using System.Security.Claims;

namespace TechInterviewCoach.BuildingBlocks.Web;

/// <summary>Claims the Identity module puts into the auth cookie.</summary>
public static class AppClaims
{
    public const string TimeZone = "tz";
    public const string SecurityStamp = "stamp";
    public const string Onboarded = "onboarded";
}

public static class UserExtensions
{
    public static Guid? TryGetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in person's id; throws (answered 403) when there is none.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        user.TryGetUserId() ?? throw new ForbiddenException("not_signed_in", "Please sign in first.");

    public static TimeZoneInfo GetTimeZone(this ClaimsPrincipal user) => UserTime.Find(user.FindFirstValue(AppClaims.TimeZone));
}

/// <summary>Times are UTC in storage and shown in the reader's time zone.</summary>
public static class UserTime
{
    public static TimeZoneInfo Find(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz)) return tz;
        return TimeZoneInfo.Utc;
    }

    public static bool IsKnown(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo tz) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), tz);

    /// <summary>e.g. "Sun 22 Nov 2026, 14:30 (Europe/Berlin)".</summary>
    public static string Format(DateTime utc, TimeZoneInfo tz, string format = "ddd d MMM yyyy, HH:mm") =>
        $"{ToLocal(utc, tz).ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({tz.Id})";
}
