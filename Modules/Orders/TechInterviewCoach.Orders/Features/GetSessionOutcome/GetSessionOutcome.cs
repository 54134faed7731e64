using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

internal sealed record ReviewView(Guid Id, int Rating, string Text, string AuthorName, DateTime WrittenAt, DateTime UpdatedAt, DateTime EditableUntil,
    string? Reply, DateTime? RepliedAt, bool Hidden, string? HiddenReason);

internal sealed record ReportView(Guid Id, string Problem, string ProblemLabel, string Description, bool ByCoach, DateTime CreatedAt,
    string? Answer, DateTime? AnsweredAt, string? Decision, string? DecisionNote, DateTime? SettledAt);

/// <summary>
/// One session after it was booked: whether it completed (computed from the clock), its report and review, and what the
/// viewer may do next. <see cref="CompletesAt"/> is when it counts as completed unless a problem is reported.
/// </summary>
internal sealed record SessionOutcomeView(
    Guid SessionId, Guid OrderId, string ListingTitle, DateTime StartsAt, DateTime EndsAt, string Outcome, string OutcomeLabel, DateTime CompletesAt,
    bool AsCoach, string CoachName, string CoacheeName, bool CanReport, bool CanReview, bool CanEditReview, bool CanReply, bool CanAnswerReport,
    ReportView? Report, ReviewView? Review);

/// <summary>A session's outcome for its coach, its coachee or an admin (anyone else: 404).</summary>
internal sealed record GetSessionOutcome(Guid SessionId, Guid ViewerId, bool ViewerIsAdmin = false) : IRequest<SessionOutcomeView>;

internal sealed class GetSessionOutcomeHandler(OrdersDbContext db, TimeProvider time, OrderNotifier people) : IRequestHandler<GetSessionOutcome, SessionOutcomeView>
{
    public async Task<SessionOutcomeView> Handle(GetSessionOutcome request, CancellationToken ct)
    {
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.ViewerId, request.ViewerIsAdmin, time.GetUtcNow().UtcDateTime, ct);
        var names = await people.PeopleAsync([facts.Order.CoachId, facts.Order.CoacheeId], ct);
        return SessionOutcomeViews.Of(facts, request.ViewerId, names);
    }
}

internal static class SessionOutcomeViews
{
    public static SessionOutcomeView Of(SessionFacts f, Guid viewer, IReadOnlyDictionary<Guid, Identity.Contracts.UserSummary> names)
    {
        var outcome = f.Outcome;
        var asCoach = f.Booking.CoachId == viewer;
        var asCoachee = f.Booking.CoacheeId == viewer;
        var review = f.Review;
        var report = f.Report;
        return new SessionOutcomeView(f.Booking.Id, f.Order.Id, f.Order.ListingTitle, f.Booking.StartsAt, f.Booking.EndsAt,
            SessionCompletion.Code(outcome), SessionCompletion.Label(outcome), SessionCompletion.CompletesAt(f.Booking.EndsAt), asCoach,
            OrderNotifier.Name(names, f.Booking.CoachId), OrderNotifier.Name(names, f.Booking.CoacheeId),
            CanReport: (asCoach || asCoachee) && report is null && outcome == SessionOutcome.AwaitingCompletion,
            CanReview: asCoachee && review is null && outcome == SessionOutcome.Completed,
            CanEditReview: asCoachee && review is not null && SessionCompletion.MayEditReview(review.CreatedAt, f.Now),
            CanReply: asCoach && review is { Reply: null },
            CanAnswerReport: report is { IsOpen: true, Answer: null } && (asCoach || asCoachee) && report.ReporterId != viewer,
            report is null ? null : new ReportView(report.Id, report.Problem.ToString(), SessionReport.Label(report.Problem), report.Description, report.ByCoach,
                report.CreatedAt, report.Answer, report.AnsweredAt, report.Decision?.ToString(), report.DecisionNote, report.SettledAt),
            review is null ? null : ToView(review));
    }

    public static ReviewView ToView(SessionReview r) => new(r.Id, r.Rating, r.Text, r.AuthorName, r.CreatedAt, r.UpdatedAt,
        r.CreatedAt + SessionCompletion.ReviewEditWindow, r.Reply, r.RepliedAt, r.HiddenAt is not null, r.HiddenReason);
}

internal static class GetSessionOutcomeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sessions/{sessionId:guid}/outcome", async (Guid sessionId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetSessionOutcome(sessionId, user.GetUserId(), user.IsInRole(Roles.Admin)), ct)))
            .RequireAuthorization(Policies.Member)
            .WithSummary("A session's outcome (upcoming, awaiting completion, reported, completed, refunded…), its report and review, and what you may do next.");
}
