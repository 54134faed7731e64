using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stripe's return_url: re-read the account, then show the payouts page.</summary>
[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsReturnModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        try { await mediator.Send(new RefreshPayoutAccount(User.GetUserId()), HttpContext.RequestAborted); } catch (AppException) { }
        return Redirect("/coach/payouts");
    }
}
