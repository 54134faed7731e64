using System.Security.Cryptography;

namespace TechInterviewCoach.Orders.Domain;

/// <summary>Where a session meets: the listing's own link of the coach, else a room the platform names per session.</summary>
internal static class MeetingRooms
{
    /// <summary>An https URL, nothing else (the listing's meeting link rule).</summary>
    public static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(u.Host);

    /// <summary>The coach's link, or <c>{base}/tic-{24 hex digits from a CSPRNG}</c>: unguessable, one per session.</summary>
    public static string For(Order order, string roomBaseUrl) =>
        IsHttps(order.MeetingUrl) ? order.MeetingUrl! : $"{roomBaseUrl.TrimEnd('/')}/tic-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()}";
}
