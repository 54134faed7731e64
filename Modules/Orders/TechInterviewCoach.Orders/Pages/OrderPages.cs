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

    public async Task<IActionResult> OnGetAsync(Guid listingId)
    {
        Quote = await mediator.Send(new GetCheckoutQuote(listingId, User.GetUserId(), User.GetTimeZone().Id), HttpContext.RequestAborted);
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
        Quote = await mediator.Send(new GetCheckoutQuote(listingId, User.GetUserId(), User.GetTimeZone().Id), HttpContext.RequestAborted);
        return Page();
    }
}

[Authorize(Policy = Policies.Member)]
internal sealed class OrderModel(IMediator mediator) : PageModel
{
    public OrderView Order { get; private set; } = null!;
    public bool Confirming { get; private set; }
    public bool IsCoach => Order.CoachId == User.GetUserId();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? checkout)
    {
        await LoadAsync(id);
        Confirming = checkout == "success" && !Order.Confirmed && Order.State is "Pending" or "Processing";
        if (checkout == "cancelled" && !Order.Confirmed) Message = "Checkout was cancelled; nothing was charged.";
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid sessionId)
    {
        try
        {
            await mediator.Send(new CancelSession(sessionId, User.GetUserId()), HttpContext.RequestAborted);
            return RedirectToPage(new { id });
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, decimal amount, string? reason)
    {
        await LoadAsync(id);
        try
        {
            var minor = (long)Math.Round(amount * (decimal)Math.Pow(10, Currencies.Exponent(Order.Currency)));
            await mediator.Send(new RefundOrder(id, minor, reason ?? "", User.GetUserId(), User.IsInRole(Roles.Admin)), HttpContext.RequestAborted);
            return RedirectToPage(new { id });
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex, ""); }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        return Page();
    }

    private async Task LoadAsync(Guid id) =>
        Order = await mediator.Send(new GetOrder(id, User.GetUserId(), User.IsInRole(Roles.Admin)), HttpContext.RequestAborted);
}

[Authorize(Policy = Policies.Member)]
internal sealed class MyOrdersModel(IMediator mediator) : PageModel
{
    public OrderPage Orders { get; private set; } = null!;
    public async Task OnGetAsync(int? page) =>
        Orders = await mediator.Send(new ListOrders(new OrderFilter(CoacheeId: User.GetUserId(), Page: page ?? 1)), HttpContext.RequestAborted);
}

[Authorize(Policy = Policies.Coach)]
internal sealed class CoachOrdersModel(IMediator mediator) : PageModel
{
    public OrderPage Orders { get; private set; } = null!;
    public async Task OnGetAsync(int? page) =>
        Orders = await mediator.Send(new ListOrders(new OrderFilter(CoachId: User.GetUserId(), Page: page ?? 1)), HttpContext.RequestAborted);
}
