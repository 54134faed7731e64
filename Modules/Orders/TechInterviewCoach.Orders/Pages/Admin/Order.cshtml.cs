namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminOrderModel(IMediator mediator) : PageModel, IFormPage
{
    public string FormPrefix => "";

    public OrderView Order { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(Guid id) => Order = await mediator.Send(new GetOrder(id, User.GetUserId(), true), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRefundAsync(Guid id, string? amount, string? reason, bool confirm)
    {
        await OnGetAsync(id);
        if (!Currencies.TryParseMajor(amount, Order.Currency, out var minor, out var error))
            throw new InputException("bad_amount", "amount", error);
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm the refund: money cannot be taken back once it is refunded.");
        await mediator.Send(new RefundOrder(id, minor, reason ?? "", User.GetUserId(), true), HttpContext.RequestAborted);
        Done = $"Refund of {Currencies.Format(minor, Order.Currency)} requested from Stripe; it shows as refunded once Stripe confirms it.";
        return RedirectToPage(new { id });
    }

    /// <summary>The order was loaded before anything could fail: the form is shown again with it.</summary>
    public Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;
}
