namespace TechInterviewCoach.Messaging.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
internal sealed class ReportsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ReportDto> Reports { get; private set; } = [];

    public async Task OnGetAsync() => Reports = await mediator.Send(new ListReports(), HttpContext.RequestAborted);
}
