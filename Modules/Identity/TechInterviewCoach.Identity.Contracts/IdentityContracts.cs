using MediatR;

namespace TechInterviewCoach.Identity.Contracts;

/// <summary>What other modules may know about a person: no email, no LinkedIn id.</summary>
public sealed record UserSummary(
    Guid Id,
    string DisplayName,
    string? Headline,
    string? PictureUrl,
    string TimeZone,
    IReadOnlyList<string> Roles,
    bool IsSuspended,
    bool IsDeleted);

/// <summary>Null when no such user exists.</summary>
public sealed record GetUserSummary(Guid UserId) : IRequest<UserSummary?>;

/// <summary>Summaries for many users at once (unknown ids are left out).</summary>
public sealed record GetUserSummaries(IReadOnlyCollection<Guid> UserIds) : IRequest<IReadOnlyDictionary<Guid, UserSummary>>;

/// <summary>
/// Where to email a person. Only the email sender asks this, when it sends; null when the person is
/// deleted or unknown, in which case nothing is sent.
/// </summary>
public sealed record GetUserContact(Guid UserId) : IRequest<UserContact?>;

public sealed record UserContact(Guid Id, string DisplayName, string Email);

/// <summary>False when the person turned product analytics off in Settings (or is deleted): send none of their events.</summary>
public sealed record GetAnalyticsAllowed(Guid UserId) : IRequest<bool>;

/// <summary>
/// Published (through the outbox) when a person deleted their account. Every module removes or
/// anonymises what it holds about them; order records stay, attributed to a deleted user.
/// </summary>
public sealed record UserDeleted(Guid UserId, IReadOnlyList<string> Roles, DateTime At) : INotification;

/// <summary>Published when an admin suspends a person or lifts the suspension.</summary>
public sealed record UserSuspensionChanged(Guid UserId, bool Suspended, DateTime At) : INotification;

/// <summary>
/// Published in-process once, when Development demo data is seeded: each module seeds its part for
/// these users (Matching: coach profiles and listings; Orders: payable demo payout accounts).
/// </summary>
public sealed record DemoUsersCreated(IReadOnlyList<DemoUser> Users) : INotification;

/// <param name="Index">0-based position among users of the same role, for deterministic demo data.</param>
public sealed record DemoUser(Guid Id, string Role, int Index, string DisplayName, string TimeZone);

/// <summary>Ids of people whose display name contains <paramref name="Term"/> (any case), at most <paramref name="Max"/>: for admin search.</summary>
public sealed record FindUsersByName(string Term, int Max = 200) : IRequest<IReadOnlyList<Guid>>;
