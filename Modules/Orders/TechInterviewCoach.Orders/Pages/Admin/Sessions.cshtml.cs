namespace TechInterviewCoach.Orders.Pages.Admin;

/// <summary>Reported sessions, open ones first, and the latest reviews.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class SessionsModel(IMediator mediator) : PageModel
{
    public ReportedSessions List { get; private set; } = new([], []);

    public async Task OnGetAsync() => List = await mediator.Send(new ListReportedSessions(), HttpContext.RequestAborted);
}
