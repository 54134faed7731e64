namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stripe's refresh_url (the link expired or was used): a fresh onboarding link.</summary>
[Authorize(Policy = Policies.Coach)]
[OnFailureRedirect("/coach/payouts")]
internal sealed class PayoutsRefreshModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        return Redirect(await mediator.Send(new StartOnboarding(User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted));
    }
}
