namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Member)]
internal sealed class OrderModel(IMediator mediator, IOptions<OrdersOptions> options, TimeProvider time) : PageModel, IFormPage
{
    /// <summary>The cancel form shows only where CancelSession would accept it: a coach before the start, a coachee before the notice.</summary>
    public bool CanCancel(SessionView s) =>
        s.Status == "Booked" && s.StartsAt > time.GetUtcNow().UtcDateTime.AddHours(IsCoach ? 0 : CancellationNoticeHours);

    public OrderView Order { get; private set; } = null!;
    public bool Confirming { get; private set; }
    public bool IsCoach => Order.CoachId == User.GetUserId();
    /// <summary>The coach's photo (Matching); null shows the initials.</summary>
    public string? CoachPhoto { get; private set; }
    public int CancellationNoticeHours => options.Value.CancellationNoticeHours;
    public int CheckoutExpiryMinutes => options.Value.CheckoutExpiryMinutes;
    public string? Message { get; private set; }
    [TempData] public string? Done { get; set; }

    public string FormPrefix => "";
    private Guid _id;

    public async Task<IActionResult> OnGetAsync(Guid id, string? checkout)
    {
        await LoadAsync(id, HttpContext.RequestAborted);
        Confirming = checkout == "success" && !Order.Confirmed && Order.State is "Pending" or "Processing";
        if (checkout == "cancelled" && Order.State == "Pending") Message = "You left the payment page; nothing was charged. Your times stay held for now: continue to payment, or cancel the checkout to free them.";
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid sessionId, bool confirm)
    {
        _id = id;
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm that you want to cancel this session.");
        await LoadAsync(id, HttpContext.RequestAborted);
        var session = Order.SessionsBooked.FirstOrDefault(s => s.Id == sessionId);
        await mediator.Send(new CancelSession(sessionId, User.GetUserId()), HttpContext.RequestAborted);
        Done = session is null ? "The session is cancelled." :
            $"The session on {UserTime.Format(session.StartsAt, User.GetTimeZone())} is cancelled; both of you get an email, and its share of the price is refunded to the coachee.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefundUnusedAsync(Guid id, bool confirm)
    {
        _id = id;
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm that you will not book the remaining sessions.");
        var refund = await mediator.Send(new RefundUnusedSessions(id, User.GetUserId()), HttpContext.RequestAborted);
        Done = refund.Sessions == 0 ? "No unused sessions were left to refund."
            : $"{refund.Sessions} unused session(s) refunded: {Currencies.Format(refund.AmountMinor, refund.Currency)} is on its way to your card.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, string? amount, string? reason, bool confirm)
    {
        _id = id;
        await LoadAsync(id, HttpContext.RequestAborted);
        if (!Currencies.TryParseMajor(amount, Order.Currency, out var minor, out var error))
            throw new InputException("bad_amount", "amount", error);
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm the refund: money cannot be taken back once it is refunded.");
        await mediator.Send(new RefundOrder(id, minor, reason ?? "", User.GetUserId(), User.IsInRole(Roles.Admin)), HttpContext.RequestAborted);
        Done = $"A refund of {Currencies.Format(minor, Order.Currency)} is on its way to the coachee; the page shows it as refunded once Stripe confirms it.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostContinueAsync(Guid id)
    {
        _id = id;
        var result = await mediator.Send(new RetryCheckout(id, User.GetUserId(), OrdersModule.Origin(Request)), HttpContext.RequestAborted);
        return Redirect(result.CheckoutUrl);
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid id)
    {
        _id = id;
        var outcome = await mediator.Send(new CancelCheckout(id, User.GetUserId()), HttpContext.RequestAborted);
        Done = outcome switch
        {
            CancelCheckoutOutcome.Cancelled => "Your checkout is cancelled and nothing was charged. Its times are free again.",
            CancelCheckoutOutcome.AlreadyPaid => "The payment went through before the cancel, so the order stands. You can cancel its sessions below.",
            _ => "This checkout had already ended; nothing was charged.",
        };
        return RedirectToPage(new { id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        CheckoutModel.ExplainUnavailable(ModelState, "Your times stay held; try again in a minute.");
        await LoadAsync(_id, ct);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Order = await mediator.Send(new GetOrder(id, User.GetUserId(), User.IsInRole(Roles.Admin)), ct);
        CoachPhoto = (await mediator.Send(new Matching.Contracts.GetCoachPhotos([Order.CoachId]), ct)).GetValueOrDefault(Order.CoachId);
    }
}
