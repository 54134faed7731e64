namespace TechInterviewCoach.Identity.Data;

/// <summary>
/// One sign-in, kept so the person can see where their account was used (Settings) and be told about a new browser.
/// The full address is kept only for <c>Identity:SignIns:AddressRetention</c> and never leaves the module;
/// the network prefix is what is shown and emailed. Removed with the account.
/// </summary>
internal sealed class SignInEvent
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>"linkedin" or "development".</summary>
    public string Method { get; set; } = "";
    /// <summary>e.g. "Chrome 156".</summary>
    public string Browser { get; set; } = "";
    /// <summary>e.g. "Linux", "iOS 18".</summary>
    public string OperatingSystem { get; set; } = "";
    /// <summary>The address's network, e.g. "203.0.113.0/24", or "this computer" / "a private network".</summary>
    public string Network { get; set; } = "";
    /// <summary>The full address; cleared after the retention period.</summary>
    public string? IpAddress { get; set; }
    /// <summary>Hash of the browser's device cookie and the user id: tells a known browser from a new one.</summary>
    public string DeviceHash { get; set; } = "";
    public bool NewBrowser { get; set; }
}
