using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Member)]
internal sealed class CheckoutModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>What the page says when Stripe does not answer (the API's 503 carries Stripe's own sentence as its detail).</summary>
    internal const string StripeUnavailableText = "Stripe is not answering right now. Nothing was charged; please try again in a minute.";

    public CheckoutQuote Quote { get; private set; } = null!;
    [BindProperty] public List<DateTime> SlotStarts { get; set; } = [];
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    /// <summary>The viewer's own checkout of this listing that waits for payment: shown instead of the picker, to continue or cancel.</summary>
    public PendingCheckout? Pending { get; private set; }
    public TimeZoneInfo ViewerZone => User.GetTimeZone();
    [TempData] public string? Message { get; set; }

    public string FormPrefix => "";
    private Guid _listingId;
    private string _whenUnavailable = "";

    public async Task<IActionResult> OnGetAsync(Guid listingId)
    {
        await LoadAsync(listingId, HttpContext.RequestAborted);
        IdempotencyKey = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid listingId)
    {
        (_listingId, _whenUnavailable) = (listingId, "Your slots stay held; press Pay again to retry.");
        var key = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey;
        var result = await mediator.Send(new StartCheckout(User.GetUserId(), listingId, SlotStarts.Select(s => s.ToUniversalTime()).ToList(), key,
            OrdersModule.Origin(Request)), HttpContext.RequestAborted);
        return Redirect(result.CheckoutUrl);
    }

    /// <summary>Continue to payment: the pending order's own Checkout Session (re-created with the same idempotency key if needed).</summary>
    public async Task<IActionResult> OnPostContinueAsync(Guid listingId, Guid orderId)
    {
        (_listingId, _whenUnavailable) = (listingId, "Your slots stay held; try again in a minute.");
        var result = await mediator.Send(new RetryCheckout(orderId, User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted);
        return Redirect(result.CheckoutUrl);
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid listingId, Guid orderId)
    {
        _listingId = listingId;
        var outcome = await mediator.Send(new CancelCheckout(orderId, User.GetUserId()), HttpContext.RequestAborted);
        if (outcome == CancelCheckoutOutcome.AlreadyPaid) return Redirect($"/orders/{orderId}");
        Message = "Your checkout is cancelled and nothing was charged. Its times are free again: choose the ones you want.";
        return RedirectToPage(new { listingId });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        ExplainUnavailable(ModelState, _whenUnavailable);
        await LoadAsync(_listingId, ct);
    }

    /// <summary>
    /// Replaces the 503's short title ("Payment provider unavailable") on the form with what the person can do: nothing was
    /// charged, the slots stay held, and <paramref name="then"/> (press Pay again, or try again in a minute).
    /// </summary>
    internal static void ExplainUnavailable(ModelStateDictionary modelState, string then)
    {
        if (!modelState.TryGetValue("", out var entry)) return;
        for (var i = 0; i < entry.Errors.Count; i++)
            if (entry.Errors[i].ErrorMessage == CheckoutSessions.UnavailableTitle)
                entry.Errors[i] = new ModelError($"{StripeUnavailableText} {then}");
    }

    private async Task LoadAsync(Guid listingId, CancellationToken ct)
    {
        Quote = await mediator.Send(new GetCheckoutQuote(listingId, User.GetUserId(), User.GetTimeZone().Id), ct);
        Pending = (await mediator.Send(new GetPendingCheckouts(User.GetUserId(), listingId), ct)).FirstOrDefault();
    }
}
