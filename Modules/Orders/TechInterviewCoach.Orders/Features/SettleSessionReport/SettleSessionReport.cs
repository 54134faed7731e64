using System.Security.Claims;
using FluentValidation;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// An admin settles a reported session: "refund" refunds the session's share of the order through the refund path (a coach
/// who did not attend, or another problem in the coachee's favour); "no_refund" lets the session stand (a coachee who did
/// not attend, or another problem decided for the coach). Once settled, a report stays settled: settling again is refused, so
/// a session is refunded at most once.
/// </summary>
internal sealed record SettleSessionReport(Guid SessionId, Guid AdminId, string Decision, string Note) : IRequest<ReportView>;

internal sealed class SettleSessionReportValidator : AbstractValidator<SettleSessionReport>
{
    public SettleSessionReportValidator()
    {
        RuleFor(x => x.Decision).Must(d => d is "refund" or "no_refund").WithMessage("Choose to refund the session or not.");
        RuleFor(x => x.Note).NotEmpty().WithMessage("Note why you decided so (the order's timeline keeps it).").MaximumLength(500);
    }
}

internal sealed class SettleSessionReportHandler(OrdersDbContext db, TimeProvider time, IStripeGateway stripe, IOptions<OrdersOptions> options, SessionNotifier notifier)
    : IRequestHandler<SettleSessionReport, ReportView>
{
    public async Task<ReportView> Handle(SettleSessionReport request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facts = await SessionFacts.LoadAsync(db, request.SessionId, request.AdminId, true, now, ct);
        var report = facts.Report ?? throw new NotFoundException("report_not_found", "No problem was reported for this session.");
        if (!report.IsOpen) throw new ConflictException("report_settled", "This report is already settled.");
        var refund = request.Decision == "refund";
        var note = request.Note.Trim();
        var actor = "admin:" + request.AdminId;
        report.Decision = refund ? ReportDecision.Refund : ReportDecision.NoRefund;
        report.DecisionNote = note;
        report.SettledBy = request.AdminId;
        report.SettledAt = now;
        report.Version = Guid.NewGuid();
        var order = facts.Order;
        order.Record(now, actor, $"Report on the session at {facts.When} settled: {(refund ? "the session is refunded" : "no refund, the session stands")} ({note})", null);
        if (!refund)
        {
            await notifier.ReportSettledAsync(order, facts.Booking, 0, ct);
            await SaveAsync(ct);
            return View(report);
        }

        var share = order.GrossMinor / Math.Max(1, order.Sessions);
        var amount = Math.Min(share, order.RefundableMinor(order.Refunds));
        if (amount <= 0) throw new ConflictException("nothing_to_refund", "Nothing of this order is left to refund.");
        try
        {
            // The report's settlement is saved with the refund's reservation (one SaveChanges inside the refund path).
            var result = await Refunder.RefundAsync(db, stripe, time, options.Value, order, amount,
                $"Session at {facts.When}: {SessionReport.Label(report.Problem).ToLowerInvariant()} ({note})", actor, ct);
            report.RefundId = result.RefundId;
            await notifier.ReportSettledAsync(order, facts.Booking, amount, ct); // only once the refund is under way
            await db.SaveChangesAsync(ct);
        }
        catch (ConflictException e) when (e.Code == "refund_failed")
        {
            // Stripe refused or did not answer: the report is open again, so the admin can settle it once more.
            report.Decision = null;
            report.DecisionNote = null;
            report.SettledBy = null;
            report.SettledAt = null;
            report.Version = Guid.NewGuid();
            order.Record(time.GetUtcNow().UtcDateTime, actor, $"Report on the session at {facts.When} is open again: the refund failed", null);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        return View(report);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            throw new ConflictException("report_settled", "This report changed meanwhile; reload it.");
        }
    }

    private static ReportView View(SessionReport r) => new(r.Id, r.Problem.ToString(), SessionReport.Label(r.Problem), r.Description, r.ByCoach,
        r.CreatedAt, r.Answer, r.AnsweredAt, r.Decision?.ToString(), r.DecisionNote, r.SettledAt);
}

internal static class SettleSessionReportEndpoint
{
    public sealed record Body(string? Decision, string? Note);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/admin/sessions/{sessionId:guid}/report/settle", async (Guid sessionId, Body body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SettleSessionReport(sessionId, user.GetUserId(), body.Decision ?? "", body.Note ?? ""), ct)))
            .RequireAuthorization(Policies.Admin).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Settle a reported session (admin): decision refund (the session's share, once) or no_refund, with a note.");
}
