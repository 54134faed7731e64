using System.Security.Cryptography;

namespace TechInterviewCoach.Identity.Features;

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
        return mediator.Send(new RecordSignIn(userId, method, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress, deviceId), http.RequestAborted);
    }
}
