namespace TechInterviewCoach.Orders.Pages;

/// <summary>The payment simulator's stand-in for Stripe Checkout: Pay, Fail or Let expire, each a signed event through the webhook path.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class SimulatorCheckoutModel(OrdersDbContext db, IStripeGateway stripe, SimulatorEvents events) : PageModel
{
    public Order Order { get; private set; } = null!;
    public bool Open => Order.State is OrderState.Pending;

    private async Task<IActionResult?> LoadAsync(string sessionId)
    {
        if (!stripe.IsSimulator) return NotFound();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CheckoutSessionId == sessionId && o.CoacheeId == User.GetUserId(), HttpContext.RequestAborted);
        if (order is null) return NotFound();
        Order = order;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string sessionId) => await LoadAsync(sessionId) ?? Page();

    public async Task<IActionResult> OnPostAsync(string sessionId, string outcome)
    {
        if (await LoadAsync(sessionId) is { } notFound) return notFound;
        // Like Stripe: a session whose order was cancelled, expired or paid can no longer be paid.
        if (!Open) return Page();
        var ct = HttpContext.RequestAborted;
        switch (outcome)
        {
            case "pay": await events.CheckoutAsync(Order, "checkout.session.completed", "paid", ct); return Redirect($"/orders/{Order.Id}?checkout=success");
            case "fail":
                await events.CheckoutAsync(Order, "checkout.session.completed", "unpaid", ct);
                await events.CheckoutAsync(Order, "checkout.session.async_payment_failed", "unpaid", ct);
                return Redirect($"/orders/{Order.Id}?checkout=success");
            case "expire": await events.CheckoutAsync(Order, "checkout.session.expired", "unpaid", ct); return Redirect($"/orders/{Order.Id}?checkout=cancelled");
            default: return BadRequest();
        }
    }
}
