namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminPayoutsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AdminPayoutRow> Payouts { get; private set; } = [];
    public async Task OnGetAsync() => Payouts = await mediator.Send(new ListAllPayouts(), HttpContext.RequestAborted);
}
