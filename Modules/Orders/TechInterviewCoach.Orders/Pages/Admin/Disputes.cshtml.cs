namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminDisputesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<DisputeRow> Disputes { get; private set; } = [];
    public async Task OnGetAsync() => Disputes = await mediator.Send(new ListDisputes(), HttpContext.RequestAborted);
}
