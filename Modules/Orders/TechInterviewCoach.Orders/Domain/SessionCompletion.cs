namespace TechInterviewCoach.Orders.Domain;

/// <summary>Where a booked session stands after it was paid for.</summary>
internal enum SessionOutcome
{
    /// <summary>Not held: never paid, released or cancelled.</summary>
    NotHeld = 0,
    Upcoming = 1,
    /// <summary>Started or ended less than 48 hours ago, no problem reported: either party may still report one.</summary>
    AwaitingCompletion = 2,
    /// <summary>A problem was reported and an admin has not settled it yet.</summary>
    Reported = 3,
    Completed = 4,
    /// <summary>The admin refunded the session's share (the coach did not attend, or another problem in the coachee's favour).</summary>
    Refunded = 5,
    /// <summary>The coachee did not attend: no refund, and no review.</summary>
    CoacheeNoShow = 6,
    /// <summary>The order is disputed, refunded in full or lost to a dispute: the session does not complete on its own.</summary>
    OnHold = 7,
}

/// <summary>
/// The completion rule, computed from the clock (so it shows the moment the clock passes, without a background job):
/// a session counts as completed 48 hours after it ends unless someone reported a problem; a settled report decides.
/// </summary>
internal static class SessionCompletion
{
    public static readonly TimeSpan ReportWindow = TimeSpan.FromHours(48);
    public static readonly TimeSpan ReviewEditWindow = TimeSpan.FromDays(14);

    public static DateTime CompletesAt(DateTime endsAt) => endsAt + ReportWindow;

    public static SessionOutcome Of(BookingStatus status, DateTime startsAt, DateTime endsAt, OrderState orderState, SessionReport? report, DateTime now)
    {
        if (status != BookingStatus.Booked) return SessionOutcome.NotHeld;
        if (now < startsAt) return SessionOutcome.Upcoming;
        if (report is not null)
            return report.Decision switch
            {
                null => SessionOutcome.Reported,
                ReportDecision.Refund => SessionOutcome.Refunded,
                _ when report.Problem == SessionProblem.CoacheeNoShow => SessionOutcome.CoacheeNoShow,
                _ => orderState is OrderState.Paid or OrderState.PartiallyRefunded ? SessionOutcome.Completed : SessionOutcome.OnHold,
            };
        if (orderState is not (OrderState.Paid or OrderState.PartiallyRefunded)) return SessionOutcome.OnHold;
        return now < CompletesAt(endsAt) ? SessionOutcome.AwaitingCompletion : SessionOutcome.Completed;
    }

    /// <summary>A report may be made from the session's start until 48 hours after its end.</summary>
    public static bool MayReport(DateTime startsAt, DateTime endsAt, DateTime now) => now >= startsAt && now < CompletesAt(endsAt);

    public static bool MayEditReview(DateTime writtenAt, DateTime now) => now < writtenAt + ReviewEditWindow;

    public static string Code(SessionOutcome o) => o switch
    {
        SessionOutcome.NotHeld => "not_held",
        SessionOutcome.Upcoming => "upcoming",
        SessionOutcome.AwaitingCompletion => "awaiting_completion",
        SessionOutcome.Reported => "reported",
        SessionOutcome.Completed => "completed",
        SessionOutcome.Refunded => "refunded",
        SessionOutcome.CoacheeNoShow => "coachee_no_show",
        _ => "on_hold",
    };

    public static string Label(SessionOutcome o) => o switch
    {
        SessionOutcome.NotHeld => "Not held",
        SessionOutcome.Upcoming => "Upcoming",
        SessionOutcome.AwaitingCompletion => "Held; counts as completed 48 hours after it ends unless a problem is reported",
        SessionOutcome.Reported => "Problem reported; an admin decides",
        SessionOutcome.Completed => "Completed",
        SessionOutcome.Refunded => "Refunded",
        SessionOutcome.CoacheeNoShow => "The coachee did not attend (no refund)",
        _ => "On hold (payment disputed or refunded)",
    };
}
