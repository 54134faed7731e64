namespace TechInterviewCoach.Identity.Data;

internal enum UserStatus { Active = 0, Suspended = 1, Deleted = 2 }

/// <summary>A person's account. Created from LinkedIn's OpenID Connect claims on first sign-in.</summary>
internal sealed class User
{
    public Guid Id { get; set; }
    /// <summary>LinkedIn's stable subject id; removed when the account is deleted.</summary>
    public string? LinkedInSub { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>The email LinkedIn returned (kept current on each sign-in).</summary>
    public string? Email { get; set; }
    /// <summary>Where the person wants email; falls back to <see cref="Email"/>.</summary>
    public string? NotificationEmail { get; set; }
    public string? PictureUrl { get; set; }
    public string? Headline { get; set; }
    /// <summary>IANA time zone id, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Comma-separated roles, e.g. "coach,admin".</summary>
    public string Roles { get; set; } = "";
    public UserStatus Status { get; set; }
    /// <summary>Changes on "sign out everywhere", suspension and deletion; cookies carrying an old stamp are rejected.</summary>
    public string SecurityStamp { get; set; } = NewStamp();
    public DateTime CreatedAt { get; set; }
    public DateTime? OnboardedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public bool AnalyticsOptOut { get; set; }
    /// <summary>When the person accepted the terms and the privacy policy (at onboarding).</summary>
    public DateTime? TermsAcceptedAt { get; set; }
    /// <summary>The version of the terms and privacy policy accepted, see <see cref="PolicyVersions"/>.</summary>
    public string? PolicyVersion { get; set; }
    /// <summary>True once the person corrected their name in Settings: LinkedIn sign-ins then no longer overwrite it.</summary>
    public bool DisplayNameEdited { get; set; }
    /// <summary>Seeded by the Development demo data.</summary>
    public bool IsDemo { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool HasRole(string role) => RoleList.Contains(role);

    public void AddRole(string role)
    {
        if (!HasRole(role)) Roles = string.Join(',', RoleList.Append(role));
    }

    public void RemoveRole(string role) => Roles = string.Join(',', RoleList.Where(r => r != role));

    public string? ContactEmail => string.IsNullOrWhiteSpace(NotificationEmail) ? Email : NotificationEmail;

    public static string NewStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>The version of the terms of service and privacy policy people accept at onboarding.</summary>
internal static class PolicyVersions
{
    public const string Current = "2026-11-22";
}
