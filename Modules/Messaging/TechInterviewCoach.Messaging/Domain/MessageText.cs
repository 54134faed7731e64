namespace TechInterviewCoach.Messaging.Domain;

/// <summary>Message text rules: trimmed, 1–4,000 characters, not only control or invisible characters.</summary>
internal static class MessageText
{
    public const int MaxLength = 4000;

    public static string Normalize(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.All(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
            throw new InputException("message_invalid", "text", "Write a message first: it cannot be empty.");
        if (trimmed.Length > MaxLength)
            throw new InputException("message_invalid", "text", $"A message can be at most {MaxLength:N0} characters long (this one has {trimmed.Length:N0}).");
        // Keep line breaks and tabs, drop other control characters.
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            trimmed = new string(trimmed.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray());
        return trimmed;
    }
}
