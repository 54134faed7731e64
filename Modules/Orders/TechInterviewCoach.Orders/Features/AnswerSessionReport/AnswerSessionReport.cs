using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>The other party of a reported session gives their side, once, before an admin settles the report.</summary>
internal sealed record AnswerSessionReport(Guid SessionId, Guid UserId, string Text) : IRequest<ReportView>;

internal sealed class AnswerSessionReportValidator : AbstractValidator<AnswerSessionReport>
{
    public AnswerSessionReportValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write your answer.")
            .MaximumLength(SessionReport.MaxTextLength).WithMessage($"An answer has at most {SessionReport.MaxTextLength} characters.");
}

internal sealed class AnswerSessionReportHandler(OrdersDbContext db, TimeProvider time) : IRequestHandler<AnswerSessionReport, ReportView>
{
    public async Task<ReportView> Handle(AnswerSessionReport request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.UserId, false, now, ct);
        var report = facts.Report ?? throw new NotFoundException("report_not_found", "No problem was reported for this session.");
        if (report.ReporterId == request.UserId) throw new ConflictException("own_report", "You reported this problem; the other party answers it.");
        if (!report.IsOpen) throw new ConflictException("report_settled", "An admin has already settled this report.");
        if (report.Answer is not null) throw new ConflictException("report_answered", "You already answered this report.");
        report.Answer = request.Text.Trim();
        report.AnsweredAt = now;
        report.Version = Guid.NewGuid();
        var byCoach = facts.Booking.CoachId == request.UserId;
        facts.Order.Record(now, SessionFacts.Actor(request.UserId, byCoach), $"The {(byCoach ? "coach" : "coachee")} answered the report on the session at {facts.When}", null);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException("report_changed", "The report changed meanwhile; reload it and try again."); }
        return new ReportView(report.Id, report.Problem.ToString(), SessionReport.Label(report.Problem), report.Description, report.ByCoach, report.CreatedAt,
            report.Answer, report.AnsweredAt, null, null, null);
    }
}

internal static class AnswerSessionReportEndpoint
{
    public sealed record Body(string? Text);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions/{sessionId:guid}/report/answer", async (Guid sessionId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AnswerSessionReport(sessionId, user.GetUserId(), body.Text ?? ""), ct)))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Give your side of a problem the other party reported (once, before an admin settles it).");
}
