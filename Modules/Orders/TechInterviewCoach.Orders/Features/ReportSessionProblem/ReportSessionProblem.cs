using System.Security.Claims;
using FluentValidation;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// The coach or the coachee reports a problem with a session, from its start until 48 hours after its end (one report
/// per session): the coachee that the coach did not attend, the coach that the coachee did not, either another problem.
/// The session then waits for an admin instead of completing. <see cref="Problem"/> is coach_no_show, coachee_no_show or other.
/// </summary>
internal sealed record ReportSessionProblem(Guid SessionId, Guid UserId, string Problem, string Description) : IRequest<ReportView>;

internal sealed class ReportSessionProblemValidator : AbstractValidator<ReportSessionProblem>
{
    public ReportSessionProblemValidator()
    {
        RuleFor(x => x.Problem).Must(p => SessionProblems.Parse(p) is not null).WithMessage("Choose what went wrong.");
        RuleFor(x => x.Description).MaximumLength(SessionReport.MaxTextLength).WithMessage($"Describe it in at most {SessionReport.MaxTextLength} characters.");
        RuleFor(x => x.Description).NotEmpty().When(x => SessionProblems.Parse(x.Problem) == SessionProblem.Other)
            .WithMessage("Describe the problem.");
    }
}

internal static class SessionProblems
{
    public static SessionProblem? Parse(string? code) => code switch
    {
        "coach_no_show" => SessionProblem.CoachNoShow,
        "coachee_no_show" => SessionProblem.CoacheeNoShow,
        "other" => SessionProblem.Other,
        _ => null,
    };

    public static string Code(SessionProblem p) => p switch
    {
        SessionProblem.CoachNoShow => "coach_no_show",
        SessionProblem.CoacheeNoShow => "coachee_no_show",
        _ => "other",
    };
}

internal sealed class ReportSessionProblemHandler(OrdersDbContext db, TimeProvider time, SessionNotifier notifier) : IRequestHandler<ReportSessionProblem, ReportView>
{
    public async Task<ReportView> Handle(ReportSessionProblem request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.UserId, false, now, ct);
        var byCoach = facts.Booking.CoachId == request.UserId;
        var problem = SessionProblems.Parse(request.Problem)!.Value;
        if ((byCoach && problem == SessionProblem.CoachNoShow) || (!byCoach && problem == SessionProblem.CoacheeNoShow))
            throw new InputException("problem_not_allowed", "problem", byCoach
                ? "As the coach, report that the coachee did not attend, or another problem."
                : "As the coachee, report that the coach did not attend, or another problem.");
        if (facts.Report is not null)
            throw new ConflictException("report_exists", "A problem was already reported for this session; an admin looks at it.").With("reportId", facts.Report.Id);
        var outcome = facts.Outcome;
        if (outcome == SessionOutcome.Upcoming) throw new ConflictException("session_not_started", "You can report a problem once the session has started.");
        if (outcome != SessionOutcome.AwaitingCompletion)
            throw new ConflictException("report_window_closed",
                $"Problems can be reported until 48 hours after the session ends. This session: {SessionCompletion.Label(outcome)}.");
        var report = new SessionReport
        {
            Id = Guid.CreateVersion7(), BookingId = facts.Booking.Id, OrderId = facts.Order.Id, CoachId = facts.Booking.CoachId,
            CoacheeId = facts.Booking.CoacheeId, ReporterId = request.UserId, Problem = problem, Description = request.Description.Trim(),
            CreatedAt = now, Version = Guid.NewGuid(),
        };
        db.Reports.Add(report);
        facts.Order.Record(now, SessionFacts.Actor(request.UserId, byCoach),
            $"Problem reported for the session at {facts.When}: {SessionReport.Label(problem)}", null);
        await notifier.ProblemReportedAsync(facts.Order, facts.Booking, request.UserId, SessionReport.Label(problem), ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (Concurrency.IsUniqueViolation(e))
        {
            throw new ConflictException("report_exists", "A problem was already reported for this session; an admin looks at it.");
        }
        return new ReportView(report.Id, report.Problem.ToString(), SessionReport.Label(problem), report.Description, byCoach, now, null, null, null, null, null);
    }
}

internal static class ReportSessionProblemEndpoint
{
    public sealed record Body(string? Problem, string? Description);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/report", async (Guid sessionId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var report = await m.Send(new ReportSessionProblem(sessionId, user.GetUserId(), body.Problem ?? "", body.Description ?? ""), ct);
                return TypedResults.Created($"/api/orders/sessions/{sessionId}/outcome", report);
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Report a problem with a session (coach_no_show, coachee_no_show or other), from its start until 48 hours after it ends.");
}
