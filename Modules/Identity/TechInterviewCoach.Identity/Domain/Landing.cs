namespace TechInterviewCoach.Identity.Domain;

/// <summary>Where a person lands after signing in: where they were going, else what their role came for.</summary>
internal static class Landing
{
    /// <summary>The start page: a coachee's next steps, a coach's waiting conversations and next bookings.</summary>
    public const string Home = "/home";

    /// <summary>A local return address other than the marketing page, else the role's page (admin: the admin index).</summary>
    public static string For(User user, string? returnUrl)
    {
        var target = Wanted(returnUrl) ?? ForRoles(user.RoleList);
        return user.OnboardedAt is null ? "/onboarding?returnUrl=" + Uri.EscapeDataString(target) : target;
    }

    public static string ForRoles(IEnumerable<string> roles) => roles.Contains(Roles.Admin) ? "/admin" : Home;

    /// <summary>The return address when it is app-relative and says more than "/"; null otherwise.</summary>
    public static string? Wanted(string? returnUrl) =>
        IsLocal(returnUrl) && returnUrl != "/" && !returnUrl!.StartsWith("/signin", StringComparison.OrdinalIgnoreCase)
            && !returnUrl.StartsWith("/dev/signin", StringComparison.OrdinalIgnoreCase) ? returnUrl : null;

    /// <summary>An app-relative path ("/x"), never "//host" or "/\host" (open redirects).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);
}
