namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsModel(IMediator mediator, IStripeGateway stripe) : PageModel, IFormPage
{
    public string FormPrefix => "";

    public PayoutStatus Status { get; private set; } = null!;
    public bool Simulator => stripe.IsSimulator;

    public async Task OnGetAsync() => Status = await mediator.Send(new GetPayoutStatus(User.GetUserId()), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostConnectAsync()
    {
        return Redirect(await mediator.Send(new StartOnboarding(User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted));
    }

    public Task ReloadAsync(CancellationToken ct) => OnGetAsync();

    /// <summary>Simulator only: a payout arrives for this coach (through the signed Connect webhook path).</summary>
    public async Task<IActionResult> OnPostSimulatePayoutAsync(bool failed, [FromServices] SimulatorEvents events)
    {
        if (!stripe.IsSimulator) return NotFound();
        var status = await mediator.Send(new GetPayoutStatus(User.GetUserId()), HttpContext.RequestAborted);
        if (status.AccountId is not null) await events.PayoutAsync(status.AccountId, 5000, "USD", failed, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
