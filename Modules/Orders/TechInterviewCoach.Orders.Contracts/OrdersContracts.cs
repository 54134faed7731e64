using MediatR;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Contracts;

/// <summary>Published (through the outbox) when a coach becomes payable or stops being payable; Matching lists or delists them.</summary>
public sealed record CoachPayoutStatusChanged(Guid CoachId, bool PayoutsEnabled, DateTime At) : INotification;

/// <summary>
/// Why the person cannot delete their account right now: one plain sentence per order of theirs
/// whose payment is not final. Empty when deletion may go ahead.
/// </summary>
public sealed record GetDeletionBlockers(Guid UserId) : IRequest<IReadOnlyList<string>>;

/// <summary>The person's orders, sessions and payouts, for their data export.</summary>
public sealed record ExportOrdersData(Guid UserId) : IRequest<PersonalDataPart>;

/// <summary>The person's next booked sessions (as coach or coachee), soonest first (for their start page).</summary>
public sealed record GetUpcomingSessions(Guid UserId, int Take = 5) : IRequest<IReadOnlyList<UpcomingSession>>;

/// <param name="SessionId">Its page is <c>/sessions/{SessionId}</c> (time, meeting link, move, cancel).</param>
/// <param name="MeetingUrl">Only once the session is near (Orders:MeetingLinkShownMinutesBefore) and until it ends.</param>
/// <param name="ProposedStartsAt">A new time waiting for an answer.</param>
/// <param name="AwaitsYourAnswer">The new time was proposed by the other side: this person accepts or declines it.</param>
public sealed record UpcomingSession(Guid OrderId, DateTime StartsAt, int Minutes, Guid CoachId, Guid CoacheeId, string ListingTitle,
    Guid SessionId = default, string? MeetingUrl = null, DateTime? ProposedStartsAt = null, bool AwaitsYourAnswer = false);

/// <summary>The coachee's paid orders with sessions still to book, soonest deadline first (for their start page); with
/// <paramref name="CoachId"/>, only that coach's (for the conversation with them).</summary>
public sealed record GetSessionsToBook(Guid CoacheeId, Guid? CoachId = null) : IRequest<IReadOnlyList<SessionsToBook>>;

public sealed record SessionsToBook(Guid OrderId, string ListingTitle, int SessionsLeft, DateTime? BookBy);
