using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Orders.Features;
using TechInterviewCoach.Orders.Features.Bookings;
using TechInterviewCoach.Orders.Features.Checkout;
using TechInterviewCoach.Orders.Features.OrderViews;
using TechInterviewCoach.Orders.Features.Refunds;
using TechInterviewCoach.Orders.Stripe;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Member)]
internal sealed class CheckoutModel(IMediator mediator) : PageModel
{
    public CheckoutQuote Quote { get; private set; } = null!;
    [BindProperty] public List<DateTime> SlotStarts { get; set; } = [];
    [BindProperty] public string IdempotencyKey { get; set; } = "";
    public Guid? PendingOrderId { get; private set; }
    /// <summary>The viewer's own checkout of this listing that waits for payment: shown instead of the picker, to continue or cancel.</summary>
    public PendingCheckout? Pending { get; private set; }
    public TimeZoneInfo ViewerZone => User.GetTimeZone();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid listingId)
    {
        await LoadAsync(listingId);
        IdempotencyKey = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid listingId)
    {
        try
        {
            var key = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : IdempotencyKey;
            var result = await mediator.Send(new StartCheckout(User.GetUserId(), listingId, SlotStarts.Select(s => s.ToUniversalTime()).ToList(), key,
                OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted);
            return Redirect(result.CheckoutUrl);
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex, ""); }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        catch (CheckoutUnavailableException ex)
        {
            ModelState.AddModelError("", ex.Message + " Your slots stay held; press Pay again to retry.");
            PendingOrderId = ex.OrderId;
        }
        await LoadAsync(listingId);
        return Page();
    }

    /// <summary>Continue to payment: the pending order's own Checkout Session (re-created with the same idempotency key if needed).</summary>
    public async Task<IActionResult> OnPostContinueAsync(Guid listingId, Guid orderId)
    {
        try
        {
            var result = await mediator.Send(new RetryCheckout(orderId, User.GetUserId(), OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted);
            return Redirect(result.CheckoutUrl);
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        catch (CheckoutUnavailableException ex) { ModelState.AddModelError("", ex.Message + " Your slots stay held; try again in a minute."); }
        await LoadAsync(listingId);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid listingId, Guid orderId)
    {
        try
        {
            var outcome = await mediator.Send(new CancelCheckout(orderId, User.GetUserId()), HttpContext.RequestAborted);
            if (outcome == CancelCheckoutOutcome.AlreadyPaid) return Redirect($"/orders/{orderId}");
            Message = "Your checkout is cancelled and nothing was charged. Its times are free again: choose the ones you want.";
            return RedirectToPage(new { listingId });
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await LoadAsync(listingId);
        return Page();
    }

    private async Task LoadAsync(Guid listingId)
    {
        Quote = await mediator.Send(new GetCheckoutQuote(listingId, User.GetUserId(), User.GetTimeZone().Id), HttpContext.RequestAborted);
        Pending = (await mediator.Send(new GetPendingCheckouts(User.GetUserId(), listingId), HttpContext.RequestAborted)).FirstOrDefault();
    }
}

[Authorize(Policy = Policies.Member)]
internal sealed class OrderModel(IMediator mediator, IOptions<OrdersOptions> options) : PageModel, IFormPage
{
    public string FormPrefix => "";
    public Task ReloadAsync(CancellationToken ct) => LoadAsync(Guid.Parse(Convert.ToString(RouteData.Values["id"], System.Globalization.CultureInfo.InvariantCulture)!));
    public OrderView Order { get; private set; } = null!;
    public bool Confirming { get; private set; }
    public bool IsCoach => Order.CoachId == User.GetUserId();
    public int CancellationNoticeHours => options.Value.CancellationNoticeHours;
    public int CheckoutExpiryMinutes => options.Value.CheckoutExpiryMinutes;
    public string? Message { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? checkout)
    {
        await LoadAsync(id);
        Confirming = checkout == "success" && !Order.Confirmed && Order.State is "Pending" or "Processing";
        if (checkout == "cancelled" && Order.State == "Pending") Message = "You left the payment page; nothing was charged. Your times stay held for now: continue to payment, or cancel the checkout to free them.";
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid sessionId, bool confirm)
    {
        try
        {
            if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm that you want to cancel this session.");
            await LoadAsync(id);
            var session = Order.SessionsBooked.FirstOrDefault(s => s.Id == sessionId);
            await mediator.Send(new CancelSession(sessionId, User.GetUserId()), HttpContext.RequestAborted);
            Done = session is null ? "The session is cancelled." :
                $"The session on {UserTime.Format(session.StartsAt, User.GetTimeZone())} is cancelled; both of you get an email, and its share of the price is refunded to the coachee.";
            return RedirectToPage(new { id });
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostRefundUnusedAsync(Guid id, bool confirm)
    {
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm that you will not book the remaining sessions.");
        var refund = await mediator.Send(new RefundUnusedSessions(id, User.GetUserId()), HttpContext.RequestAborted);
        Done = refund.Sessions == 0 ? "No unused sessions were left to refund."
            : $"{refund.Sessions} unused session(s) refunded: {Currencies.Format(refund.AmountMinor, refund.Currency)} is on its way to your card.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, string? amount, string? reason, bool confirm)
    {
        await LoadAsync(id);
        try
        {
            if (!Currencies.TryParseMajor(amount, Order.Currency, out var minor, out var error))
                throw new InputException("bad_amount", "amount", error);
            if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm the refund: money cannot be taken back once it is refunded.");
            await mediator.Send(new RefundOrder(id, minor, reason ?? "", User.GetUserId(), User.IsInRole(Roles.Admin)), HttpContext.RequestAborted);
            Done = $"A refund of {Currencies.Format(minor, Order.Currency)} is on its way to the coachee; the page shows it as refunded once Stripe confirms it.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex, ""); }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        return Page();
    }

    public async Task<IActionResult> OnPostContinueAsync(Guid id)
    {
        try
        {
            var result = await mediator.Send(new RetryCheckout(id, User.GetUserId(), OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted);
            return Redirect(result.CheckoutUrl);
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        catch (CheckoutUnavailableException ex) { ModelState.AddModelError("", ex.Message + " Your times stay held; try again in a minute."); }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid id)
    {
        try
        {
            var outcome = await mediator.Send(new CancelCheckout(id, User.GetUserId()), HttpContext.RequestAborted);
            Done = outcome switch
            {
                CancelCheckoutOutcome.Cancelled => "Your checkout is cancelled and nothing was charged. Its times are free again.",
                CancelCheckoutOutcome.AlreadyPaid => "The payment went through before the cancel, so the order stands. You can cancel its sessions below.",
                _ => "This checkout had already ended; nothing was charged.",
            };
            return RedirectToPage(new { id });
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid id) =>
        Order = await mediator.Send(new GetOrder(id, User.GetUserId(), User.IsInRole(Roles.Admin)), HttpContext.RequestAborted);
}

[Authorize(Policy = Policies.Member)]
internal sealed class MyOrdersModel(IMediator mediator) : PageModel
{
    public OrderPage Orders { get; private set; } = null!;
    public IReadOnlyList<PendingCheckout> Pending { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber)
    {
        Orders = await mediator.Send(new ListOrders(new OrderFilter(CoacheeId: User.GetUserId(), Page: pageNumber ?? 1)), HttpContext.RequestAborted);
        Pending = await mediator.Send(new GetPendingCheckouts(User.GetUserId()), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostContinueAsync(Guid orderId)
    {
        try
        {
            var result = await mediator.Send(new RetryCheckout(orderId, User.GetUserId(), OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted);
            return Redirect(result.CheckoutUrl);
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        catch (CheckoutUnavailableException ex) { ModelState.AddModelError("", ex.Message + " Your times stay held; try again in a minute."); }
        await OnGetAsync(1);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelCheckoutAsync(Guid orderId)
    {
        try
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
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await OnGetAsync(1);
        return Page();
    }
}

[Authorize(Policy = Policies.Coach)]
internal sealed class CoachOrdersModel(IMediator mediator) : PageModel
{
    public OrderPage Orders { get; private set; } = null!;
    public IReadOnlyList<UpcomingSession> Upcoming { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber)
    {
        Orders = await mediator.Send(new ListOrders(new OrderFilter(CoachId: User.GetUserId(), Page: pageNumber ?? 1)), HttpContext.RequestAborted);
        Upcoming = await mediator.Send(new GetCoachUpcomingSessions(User.GetUserId()), HttpContext.RequestAborted);
    }
}
