using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace TechInterviewCoach.Identity.Infrastructure;

/// <summary>
/// "Sign in with LinkedIn" through ASP.NET Core's OAuth handler against LinkedIn's OpenID Connect endpoints.
/// The handler signs into a short-lived external cookie; /signin/complete turns that into an account and the app cookie.
/// </summary>
internal static class LinkedInAuthentication
{
    public const string Scheme = "LinkedIn";
    public const string ExternalScheme = "Identity.External";
    public const string CallbackPath = "/signin-linkedin";
    public const string SubClaim = "linkedin:sub";
    public const string PictureClaim = "linkedin:picture";

    public const string DefaultAuthorizationEndpoint = "https://www.linkedin.com/oauth/v2/authorization";
    public const string DefaultTokenEndpoint = "https://www.linkedin.com/oauth/v2/accessToken";
    public const string DefaultUserInformationEndpoint = "https://api.linkedin.com/v2/userinfo";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:LinkedIn:ClientId"]);

    public static void Add(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Authentication:LinkedIn");
        // A half-configured LinkedIn stops the app at start, naming the key, rather than failing at the first sign-in.
        if (string.IsNullOrWhiteSpace(section["ClientSecret"]))
            throw new InvalidOperationException("Authentication:LinkedIn:ClientSecret is required when Authentication:LinkedIn:ClientId is set.");
        foreach (var key in new[] { "AuthorizationEndpoint", "TokenEndpoint", "UserInformationEndpoint" })
            if (!string.IsNullOrWhiteSpace(section[key]) && !Uri.TryCreate(section[key], UriKind.Absolute, out _))
                throw new InvalidOperationException($"Authentication:LinkedIn:{key} must be an absolute URL.");
        var requireHttps = configuration.GetValue<bool?>("Security:RequireHttps") ?? !environment.IsDevelopment();
        services.AddAuthentication()
            .AddCookie(ExternalScheme, o =>
            {
                o.Cookie.Name = "tic.external";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                o.SlidingExpiration = false;
            })
            .AddOAuth(Scheme, "LinkedIn", o =>
            {
                o.SignInScheme = ExternalScheme;
                o.ClientId = section["ClientId"]!;
                o.ClientSecret = section["ClientSecret"]!;
                o.AuthorizationEndpoint = Or(section["AuthorizationEndpoint"], DefaultAuthorizationEndpoint);
                o.TokenEndpoint = Or(section["TokenEndpoint"], DefaultTokenEndpoint);
                o.UserInformationEndpoint = Or(section["UserInformationEndpoint"], DefaultUserInformationEndpoint);
                o.CallbackPath = CallbackPath;
                o.SaveTokens = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.CorrelationCookie.Name = "tic.linkedin.correlation.";
                if (!requireHttps)
                {
                    // Plain HTTP (local runs, browser tests): a SameSite=None cookie must be Secure, so use Lax; the
                    // return from LinkedIn is a top-level GET, which carries Lax cookies.
                    o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                }
                o.Events.OnCreatingTicket = OnCreatingTicketAsync;
                o.Events.OnRemoteFailure = OnRemoteFailure;
            });
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    /// <summary>Reads LinkedIn's user info (OpenID Connect claims) with the access token and keeps what the account needs.</summary>
    private static async Task OnCreatingTicketAsync(OAuthCreatingTicketContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        JsonElement info;
        try
        {
            using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
            if (!response.IsSuccessStatusCode)
                throw new LinkedInSignInException(SignInFailureReasons.LinkedInUnavailable, $"LinkedIn user info answered {(int)response.StatusCode}.");
            info = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted)).RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            throw new LinkedInSignInException(SignInFailureReasons.LinkedInUnavailable, "LinkedIn user info could not be read.", ex);
        }

        var sub = Str(info, "sub");
        if (string.IsNullOrWhiteSpace(sub))
            throw new LinkedInSignInException(SignInFailureReasons.LinkedInUnavailable, "LinkedIn user info had no subject.");
        var email = Str(info, "email");
        if (string.IsNullOrWhiteSpace(email))
            throw new LinkedInSignInException(SignInFailureReasons.NoEmail, "LinkedIn did not share an email address.");
        var name = Str(info, "name");
        if (string.IsNullOrWhiteSpace(name)) name = $"{Str(info, "given_name")} {Str(info, "family_name")}".Trim();

        var identity = context.Identity!;
        identity.AddClaim(new Claim(SubClaim, sub));
        identity.AddClaim(new Claim(ClaimTypes.Email, email));
        identity.AddClaim(new Claim(ClaimTypes.Name, string.IsNullOrWhiteSpace(name) ? "LinkedIn member" : name));
        if (Str(info, "picture") is { Length: > 0 } picture && Uri.TryCreate(picture, UriKind.Absolute, out var pictureUri) && pictureUri.Scheme == Uri.UriSchemeHttps)
            identity.AddClaim(new Claim(PictureClaim, picture));
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Every failure on the way back from LinkedIn ends on a friendly page with a stable reason; nothing is written.</summary>
    private static Task OnRemoteFailure(RemoteFailureContext context)
    {
        var reason = SignInFailureReasons.Classify(context.Failure, context.Request.Query["error"]);
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TechInterviewCoach.Identity.LinkedIn")
            .LogWarning("LinkedIn sign-in failed: {Reason}", reason);
        context.Response.Redirect("/signin/failed?reason=" + reason);
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

/// <summary>A failure while reading LinkedIn's answer, with the reason shown to the person.</summary>
internal sealed class LinkedInSignInException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>Stable reason codes for /signin/failed.</summary>
internal static class SignInFailureReasons
{
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string LinkedInUnavailable = "linkedin_unavailable";
    public const string NoEmail = "no_email";
    public const string AccountSuspended = "account_suspended";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyDictionary<string, (string Title, string Text)> Texts = new Dictionary<string, (string, string)>
    {
        [Cancelled] = ("You cancelled the sign-in", "You chose not to let LinkedIn sign you in, so nothing was shared and no account was created. You can try again whenever you like."),
        [Expired] = ("The sign-in expired", "The sign-in took too long or was started in another browser tab, so we could not complete it safely. Please try again."),
        [LinkedInUnavailable] = ("LinkedIn did not answer", "We could not get your details from LinkedIn just now. Nothing was saved. Please try again in a few minutes."),
        [NoEmail] = ("LinkedIn did not share an email address", "We need an email address to send you order and account emails. Please add or verify an email address on LinkedIn and allow sharing it, then try again."),
        [AccountSuspended] = ("This account is suspended", "An administrator suspended this account, so it cannot sign in. Contact support if you think this is a mistake."),
        [Unknown] = ("The sign-in did not work", "Something went wrong while signing you in with LinkedIn. Nothing was saved. Please try again."),
    };

    public static string Classify(Exception? failure, string? error)
    {
        if (failure is LinkedInSignInException li) return li.Reason;
        if (string.Equals(error, "access_denied", StringComparison.Ordinal)
            || string.Equals(failure?.Data["error"] as string, "access_denied", StringComparison.Ordinal)
            || error is "user_cancelled_login" or "user_cancelled_authorize")
            return Cancelled;
        var message = failure?.Message ?? "";
        if (message.Contains("state", StringComparison.OrdinalIgnoreCase) || message.Contains("Correlation", StringComparison.OrdinalIgnoreCase))
            return Expired;
        if (message.Contains("token", StringComparison.OrdinalIgnoreCase) || failure is HttpRequestException or TaskCanceledException)
            return LinkedInUnavailable;
        if (!string.IsNullOrEmpty(error)) return LinkedInUnavailable;
        return Unknown;
    }
}
