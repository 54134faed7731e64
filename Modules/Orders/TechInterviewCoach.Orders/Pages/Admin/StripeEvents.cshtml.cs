namespace TechInterviewCoach.Orders.Pages;

/// <summary>Stored Stripe events set aside (repeated failures, or another API version): the reason, and a retry.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AdminStripeEventsModel(IMediator mediator) : PageModel, IFormPage
{
    public IReadOnlyList<StoredEventRow> Events { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public string FormPrefix => "";

    public async Task OnGetAsync() => Events = await mediator.Send(new ListSetAsideEvents(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRetryAsync(string eventId)
    {
        await mediator.Send(new RetryStripeEvent(eventId, User.GetUserId()), HttpContext.RequestAborted);
        Notice = $"Event {eventId} was sent back for processing.";
        return RedirectToPage();
    }

    public Task ReloadAsync(CancellationToken ct) => OnGetAsync();
}
