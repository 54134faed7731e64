using MediatR;

namespace TechInterviewCoach.Orders.Contracts;

/// <summary>
/// Published (through the outbox) whenever a coach's visible reviews change (written, edited, hidden): the average of
/// their ratings and how many there are. Matching keeps the figures on the coach and ranks with them.
/// </summary>
public sealed record CoachRatingChanged(Guid CoachId, double Average, int Count, DateTime At) : INotification;

/// <summary>A coach's rating and most recent visible reviews, newest first, for their public profile.</summary>
public sealed record GetCoachReviews(Guid CoachId, int Take = 5) : IRequest<CoachReviews>;

public sealed record CoachReviews(double Average, int Count, IReadOnlyList<PublicReview> Recent);

/// <summary>What the public sees of a review: the author's short name ("Casey C." or "Deleted user"), never an id.</summary>
public sealed record PublicReview(Guid ReviewId, int Rating, string Text, string AuthorName, DateTime WrittenAt, string? Reply, DateTime? RepliedAt);

/// <summary>What waits for the person after their sessions (for their start page), oldest first.</summary>
public sealed record GetSessionFollowUps(Guid UserId, int Take = 10) : IRequest<IReadOnlyList<SessionFollowUp>>;

/// <param name="Kind">"write_review" (coachee, a completed session without a review), "reply_review" (coach, a review without a reply)
/// or "answer_report" (a problem the other party reported, not answered yet).</param>
/// <param name="Link">Where to do it.</param>
public sealed record SessionFollowUp(string Kind, Guid SessionId, DateTime StartsAt, Guid OtherPartyId, string ListingTitle, string Link);
