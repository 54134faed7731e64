using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Identity;

/// <summary><c>Identity:SignIns</c>: how long a person's sign-in history and the full addresses in it are kept.</summary>
internal sealed class SignInHistoryOptions
{
    public const string Section = "Identity:SignIns";

    /// <summary>The full address is cleared after this; the network prefix stays with the history.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "must be between 1 hour and 90 days.")]
    public TimeSpan AddressRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sign-ins older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00", ErrorMessage = "must be between 1 and 730 days.")]
    public TimeSpan History { get; set; } = TimeSpan.FromDays(180);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between 1 second and 1 day.")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
