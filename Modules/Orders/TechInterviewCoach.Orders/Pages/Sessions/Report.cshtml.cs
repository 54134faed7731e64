namespace TechInterviewCoach.Orders.Pages.Sessions;

/// <summary>Report a problem with a session (until 48 hours after it ends), or answer the one the other party reported.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class ReportModel(IMediator mediator) : PageModel, IFormPage
{
    public sealed class ReportInput
    {
        public string? Problem { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty] public ReportInput Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public SessionOutcomeView Session { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync() => ReloadAsync(HttpContext.RequestAborted);

    public async Task ReloadAsync(CancellationToken ct) => Session = await mediator.Send(new GetSessionOutcome(Id, User.GetUserId()), ct);

    public async Task<IActionResult> OnPostReportAsync()
    {
        await mediator.Send(new ReportSessionProblem(Id, User.GetUserId(), Input.Problem ?? "", Input.Text ?? ""), HttpContext.RequestAborted);
        Done = "Thank you. The session waits for an admin's decision; the other party can give their side.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        await mediator.Send(new AnswerSessionReport(Id, User.GetUserId(), Input.Text ?? ""), HttpContext.RequestAborted);
        Done = "Your answer is with the admin who settles the report.";
        return RedirectToPage(new { id = Id });
    }
}
