using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Orders.Features.Webhooks;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stored Stripe events set aside (repeated failures, or another API version): the reason, and a retry.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AdminStripeEventsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<StoredEventRow> Events { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync() => Events = await mediator.Send(new ListSetAsideEvents(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRetryAsync(string eventId)
    {
        try
        {
            await mediator.Send(new RetryStoredEvent(eventId, User.GetUserId()), HttpContext.RequestAborted);
            Notice = $"Event {eventId} was sent back for processing.";
        }
        catch (AppException e) { Notice = e.Message; }
        return RedirectToPage();
    }
}
