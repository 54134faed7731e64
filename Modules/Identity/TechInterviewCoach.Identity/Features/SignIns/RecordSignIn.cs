using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Identity.Features.SignIns;

/// <summary>
/// Records a sign-in (time, browser and system, the address's network) and, when it comes from a browser this account
/// has not signed in from before, emails the person. The email names the network, never the full address.
/// </summary>
internal sealed record RecordSignInCommand(Guid UserId, string Method, string? UserAgent, IPAddress? Address, string DeviceId) : IRequest<SignInEvent>;

internal sealed class RecordSignInHandler(IdentityDbContext db, TimeProvider time, ILogger<RecordSignInHandler> logger)
    : IRequestHandler<RecordSignInCommand, SignInEvent>
{
    public async Task<SignInEvent> Handle(RecordSignInCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == request.UserId, cancellationToken);
        var now = time.GetUtcNow();
        var device = DeviceHash(request.UserId, request.DeviceId);
        var seenBefore = await db.SignIns.AnyAsync(s => s.UserId == request.UserId, cancellationToken);
        var knownBrowser = seenBefore && await db.SignIns.AnyAsync(s => s.UserId == request.UserId && s.DeviceHash == device, cancellationToken);
        var (browser, system) = UserAgents.Describe(request.UserAgent);
        var address = request.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : request.Address;
        var entry = new SignInEvent
        {
            Id = Guid.CreateVersion7(now),
            UserId = request.UserId,
            OccurredAt = now.UtcDateTime,
            Method = request.Method,
            Browser = browser,
            OperatingSystem = system,
            Network = Networks.Describe(address),
            IpAddress = address?.ToString(),
            DeviceHash = device,
            NewBrowser = seenBefore && !knownBrowser,
        };
        db.SignIns.Add(entry);
        if (entry.NewBrowser)
        {
            db.Enqueue(new SendEmail(user.Id, null,
                new NewSignInEmail(entry.OccurredAt, user.TimeZone, entry.Browser, entry.OperatingSystem, entry.Network), "/settings"), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sign-in {SignInId} recorded for user {UserId} ({Method}, new browser: {NewBrowser})",
            entry.Id, entry.UserId, entry.Method, entry.NewBrowser);
        return entry;
    }

    /// <summary>Per user, so the same browser cookie cannot be correlated across accounts from the table alone.</summary>
    private static string DeviceHash(Guid userId, string deviceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId.ToString("N") + ":" + deviceId)));
}

/// <summary>The HTTP side of recording a sign-in: the browser's device cookie and the request's address and user agent.</summary>
internal static class SignInHistory
{
    public const string DeviceCookie = "tic.device";
    public const string LinkedIn = "linkedin";
    public const string Development = "development";

    public static Task<SignInEvent> RecordAsync(HttpContext http, IMediator mediator, Guid userId, string method)
    {
        var deviceId = http.Request.Cookies[DeviceCookie];
        if (deviceId is not { Length: 32 } || !deviceId.All(char.IsAsciiHexDigitLower))
        {
            deviceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        // Refreshed on every sign-in so a browser in regular use stays known.
        http.Response.Cookies.Append(DeviceCookie, deviceId, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(400),
            Path = "/",
        });
        return mediator.Send(new RecordSignInCommand(userId, method, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress, deviceId), http.RequestAborted);
    }
}

/// <summary>An approximate place for an address, from its network alone (no address database is shipped).</summary>
internal static class Networks
{
    public static string Describe(IPAddress? address)
    {
        if (address is null) return "unknown network";
        if (IPAddress.IsLoopback(address)) return "this computer";
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
                || (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127))
                return "a private network";
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return "a private network";
        var prefix = new byte[16];
        Array.Copy(bytes, prefix, 6);
        return new IPAddress(prefix) + "/48";
    }
}

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
