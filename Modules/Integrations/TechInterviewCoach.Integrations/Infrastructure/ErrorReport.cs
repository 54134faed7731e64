namespace TechInterviewCoach.Integrations.Infrastructure;

internal sealed record ErrorFrame(string? Filename, int? Line, string Method);

internal sealed record ErrorException(string Class, string Message, IReadOnlyList<ErrorFrame> Frames);

/// <summary>
/// An error as captured at log time: the request's path (no query), method and route template, the person's
/// opaque id, and the exception. Its chain (classes, scrubbed messages, frames) is built later, by the sender,
/// so that reading stack traces and symbols never slows the request that failed. Nothing else is kept.
/// </summary>
internal sealed record ErrorReport(
    Guid Uuid,
    DateTime Timestamp,
    string Level,
    string Category,
    Exception Exception,
    string? Path,
    string? Method,
    string? Route,
    string? UserId)
{
    private IReadOnlyList<ErrorException>? _chain;

    public IReadOnlyList<ErrorException> Chain => _chain ??= BuildChain(Exception);

    private static List<ErrorException> BuildChain(Exception exception)
    {
        var chain = new List<ErrorException>();
        for (var ex = exception; ex is not null && chain.Count < 5; ex = ex.InnerException)
        {
            var frames = new System.Diagnostics.StackTrace(ex, fNeedFileInfo: true).GetFrames()
                .Select(f => new ErrorFrame(
                    f.GetFileName() is { } file ? System.IO.Path.GetFileName(file) : null,
                    f.GetFileLineNumber() is > 0 and var line ? line : null,
                    f.GetMethod() is { } m ? $"{m.DeclaringType?.FullName}.{m.Name}" : "(unknown)"))
                .Take(60).ToList();
            chain.Add(new ErrorException(ex.GetType().FullName ?? ex.GetType().Name, Scrub.Text(ex.Message, 1000), frames));
        }
        return chain;
    }
}
