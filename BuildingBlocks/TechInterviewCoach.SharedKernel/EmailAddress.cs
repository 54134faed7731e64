namespace TechInterviewCoach.SharedKernel;

/// <summary>
/// The one pattern for "something that looks like an email address" in free text (an exception message, a vendor's answer),
/// used wherever such text leaves the app or is stored for admins: the outbox's last error, error reports, logs.
/// Brackets, quotes and punctuation around an address stay, only the address becomes "[email]".
/// </summary>
public static partial class EmailAddress
{
    public const string Placeholder = "[email]";

    /// <summary>The text with every address replaced by <see cref="Placeholder"/>.</summary>
    public static string Redact(string text) => Pattern().Replace(text, Placeholder);

    /// <summary>Whether the text holds anything that looks like an address.</summary>
    public static bool Occurs(string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex(@"[^\s@<>""'(),;:]+@[^\s@<>""'(),;:]+\.[A-Za-z]{2,}")]
    private static partial Regex Pattern();
}
