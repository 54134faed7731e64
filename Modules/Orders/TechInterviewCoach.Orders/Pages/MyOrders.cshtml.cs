namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Member)]
internal sealed class MyOrdersModel(IMediator mediator) : PageModel, IFormPage
{
    public OrderPage Orders { get; private set; } = null!;
    public IReadOnlyList<PendingCheckout> Pending { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public string FormPrefix => "";

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber)
    {
        Orders = await mediator.Send(new ListMyOrders(User.GetUserId(), AsCoach: false, pageNumber ?? 1), HttpContext.RequestAborted);
        Pending = await mediator.Send(new GetPendingCheckouts(User.GetUserId()), HttpContext.RequestAborted);
        ViewData["CoachPhotos"] = await mediator.Send(new Matching.Contracts.GetCoachPhotos(Orders.Items.Select(o => o.CoachId).ToList()), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostContinueAsync(Guid orderId)
    {
        var result = await mediator.Send(new RetryCheckout(orderId, User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted);
        return Redirect(result.CheckoutUrl);
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid orderId)
    {
        var outcome = await mediator.Send(new CancelCheckout(orderId, User.GetUserId()), HttpContext.RequestAborted);
        Done = outcome switch
        {
            CancelCheckoutOutcome.Cancelled => "Your checkout is cancelled and nothing was charged. Its times are free again.",
            CancelCheckoutOutcome.AlreadyPaid => "The payment went through before the cancel, so that order stands.",
            _ => "That checkout had already ended; nothing was charged.",
        };
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        CheckoutModel.ExplainUnavailable(ModelState, "Your times stay held; try again in a minute.");
        await OnGetAsync(1);
    }
}
