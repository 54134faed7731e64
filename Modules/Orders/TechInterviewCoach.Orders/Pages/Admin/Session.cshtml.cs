namespace TechInterviewCoach.Orders.Pages.Admin;

/// <summary>An admin settles a session's reported problem and hides a review; each step lands on the order's timeline.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class SessionModel(IMediator mediator) : PageModel, IFormPage
{
    public sealed class AdminInput
    {
        public string? Decision { get; set; }
        public string? Note { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public AdminInput Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public SessionOutcomeView Session { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    public Task OnGetAsync() => ReloadAsync(HttpContext.RequestAborted);

    public async Task ReloadAsync(CancellationToken ct) => Session = await mediator.Send(new GetSessionOutcome(Id, User.GetUserId(), true), ct);

    public async Task<IActionResult> OnPostSettleAsync()
    {
        var report = await mediator.Send(new SettleSessionReport(Id, User.GetUserId(), Input.Decision ?? "", Input.Note ?? ""), HttpContext.RequestAborted);
        Done = report.Decision == "Refund" ? "Settled: the session's share is being refunded." : "Settled: no refund, the session stands.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostHideAsync(Guid reviewId)
    {
        await mediator.Send(new HideReview(reviewId, User.GetUserId(), Input.Reason ?? ""), HttpContext.RequestAborted);
        Done = "The review is hidden from the coach's profile and rating.";
        return RedirectToPage(new { id = Id });
    }
}
