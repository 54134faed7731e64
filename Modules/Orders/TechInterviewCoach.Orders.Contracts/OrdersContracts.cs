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

public sealed record UpcomingSession(Guid OrderId, DateTime StartsAt, int Minutes, Guid CoachId, Guid CoacheeId, string ListingTitle);
