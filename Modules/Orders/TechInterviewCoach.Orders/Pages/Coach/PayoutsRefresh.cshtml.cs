using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stripe's refresh_url (the link expired or was used): a fresh onboarding link.</summary>
[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsRefreshModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        try { return Redirect(await mediator.Send(new StartOnboarding(User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted)); }
        catch (AppException) { return Redirect("/coach/payouts"); }
    }
}
