namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stripe's return_url: re-read the account, then show the payouts page.</summary>
[Authorize(Policy = Policies.Coach)]
[OnFailureRedirect("/coach/payouts")]
internal sealed class PayoutsReturnModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        await mediator.Send(new RefreshPayoutAccount(User.GetUserId()), HttpContext.RequestAborted);
        return Redirect("/coach/payouts");
    }
}
