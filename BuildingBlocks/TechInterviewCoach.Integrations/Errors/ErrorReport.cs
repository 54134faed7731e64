namespace TechInterviewCoach.Integrations.Errors;

internal sealed record ErrorFrame(string? Filename, int? Line, string Method);

internal sealed record ErrorException(string Class, string Message, IReadOnlyList<ErrorFrame> Frames);

/// <summary>
/// An error as captured at log time, already scrubbed: exception classes, scrubbed messages and frames;
/// the request's path (no query), method and route template; the person's opaque id. Nothing else.
/// </summary>
internal sealed record ErrorReport(
    Guid Uuid,
    DateTime Timestamp,
    string Level,
    string Category,
    string LogMessage,
    IReadOnlyList<ErrorException> Chain,
    string? Path,
    string? Method,
    string? Route,
    string? UserId);
