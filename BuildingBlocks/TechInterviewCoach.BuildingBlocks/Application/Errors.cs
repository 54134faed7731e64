namespace TechInterviewCoach.BuildingBlocks.Application;

/// <summary>
/// A failure the person can act on. Each carries a stable snake_case <see cref="Code"/> that clients may
/// branch on; the message is shown to people, so it never holds personal data of someone else.
/// The exception handler turns these into RFC 9457 problem details (see Web/ProblemDetailsSetup).
/// </summary>
public abstract class AppException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
    public abstract int StatusCode { get; }

    /// <summary>
    /// Extra members of the problem detail beside code and title (camelCase names, JSON values), e.g. the reasons a deletion
    /// is blocked or the order whose payment could not start. Never personal data of someone else.
    /// </summary>
    public Dictionary<string, object?> Fields { get; } = [];

    /// <summary>Adds a member to <see cref="Fields"/> and returns the exception, for <c>throw new X(...).With("orderId", id)</c>.</summary>
    public AppException With(string name, object? value)
    {
        Fields[name] = value;
        return this;
    }
}

/// <summary>404: the thing does not exist, or the caller may not know it exists.</summary>
public sealed class NotFoundException(string code, string message) : AppException(code, message)
{
    public override int StatusCode => 404;
}

/// <summary>403: the caller is known but may not do this.</summary>
public sealed class ForbiddenException(string code, string message) : AppException(code, message)
{
    public override int StatusCode => 403;
}

/// <summary>409: a business rule or the current state forbids it (already paid, slot taken, ...).</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message)
{
    public override int StatusCode => 409;
}

/// <summary>503: a vendor the action needs does not answer; nothing was lost, and the same action can be tried again.</summary>
public sealed class UnavailableException(string code, string message) : AppException(code, message)
{
    public override int StatusCode => 503;
}

/// <summary>400 with field errors, for checks a validator cannot make up front (e.g. a file's content).</summary>
public sealed class InputException(string code, string field, string message) : AppException(code, message)
{
    public string Field { get; } = field;
    public override int StatusCode => 400;
}

/// <summary>
/// Thrown by an outbox handler when retrying cannot help (a vendor answered 4xx). The outbox dead-letters
/// the message at once instead of retrying.
/// </summary>
public sealed class PermanentFailureException(string message) : Exception(message);
