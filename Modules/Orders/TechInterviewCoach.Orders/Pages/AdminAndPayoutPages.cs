using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Features;
using TechInterviewCoach.Orders.Features.OrderViews;
using TechInterviewCoach.Orders.Features.Payouts;
using TechInterviewCoach.Orders.Features.Refunds;
using TechInterviewCoach.Orders.Features.Simulator;
using TechInterviewCoach.Orders.Stripe;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Pages;

[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsModel(IMediator mediator, IStripeGateway stripe) : PageModel
{
    public PayoutStatus Status { get; private set; } = null!;
    public bool Simulator => stripe.IsSimulator;

    public async Task OnGetAsync() => Status = await mediator.Send(new GetPayoutStatus(User.GetUserId()), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostConnectAsync()
    {
        try { return Redirect(await mediator.Send(new StartOnboarding(User.GetUserId(), OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted)); }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        await OnGetAsync();
        return Page();
    }

    /// <summary>Simulator only: a payout arrives for this coach (through the signed Connect webhook path).</summary>
    public async Task<IActionResult> OnPostSimulatePayoutAsync(bool failed, [FromServices] SimulatorEvents events)
    {
        if (!stripe.IsSimulator) return NotFound();
        var status = await mediator.Send(new GetPayoutStatus(User.GetUserId()), HttpContext.RequestAborted);
        if (status.AccountId is not null) await events.PayoutAsync(status.AccountId, 5000, "USD", failed, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}

/// <summary>Stripe's return_url: re-read the account, then show the payouts page.</summary>
[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsReturnModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        try { await mediator.Send(new RefreshPayoutAccount(User.GetUserId()), HttpContext.RequestAborted); } catch (AppException) { }
        return Redirect("/coach/payouts");
    }
}

/// <summary>Stripe's refresh_url (the link expired or was used): a fresh onboarding link.</summary>
[Authorize(Policy = Policies.Coach)]
internal sealed class PayoutsRefreshModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        try { return Redirect(await mediator.Send(new StartOnboarding(User.GetUserId(), OrdersEndpoints.Origin(Request)), HttpContext.RequestAborted)); }
        catch (AppException) { return Redirect("/coach/payouts"); }
    }
}

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminOrdersModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public AdminOrderQuery Query { get; set; } = new();
    public OrderPage Orders { get; private set; } = null!;
    public string QueryString { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Orders = await mediator.Send(new ListOrders(Query.ToFilter()), HttpContext.RequestAborted);
        QueryString = Request.QueryString.Value ?? "";
    }
}

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminOrderModel(IMediator mediator) : PageModel
{
    public OrderView Order { get; private set; } = null!;
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(Guid id) => Order = await mediator.Send(new GetOrder(id, User.GetUserId(), true), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRefundAsync(Guid id, string? amount, string? reason, bool confirm)
    {
        await OnGetAsync(id);
        try
        {
            if (!Currencies.TryParseMajor(amount, Order.Currency, out var minor, out var error))
                throw new InputException("bad_amount", "amount", error);
            if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm the refund: money cannot be taken back once it is refunded.");
            await mediator.Send(new RefundOrder(id, minor, reason ?? "", User.GetUserId(), true), HttpContext.RequestAborted);
            Done = $"Refund of {Currencies.Format(minor, Order.Currency)} requested from Stripe; it shows as refunded once Stripe confirms it.";
            return RedirectToPage(new { id });
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex, ""); }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        return Page();
    }
}

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminDisputesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<DisputeRow> Disputes { get; private set; } = [];
    public async Task OnGetAsync() => Disputes = await mediator.Send(new ListDisputes(), HttpContext.RequestAborted);
}

[Authorize(Policy = Policies.Admin)]
internal sealed class AdminPayoutsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AdminPayoutRow> Payouts { get; private set; } = [];
    public async Task OnGetAsync() => Payouts = await mediator.Send(new ListAllPayouts(), HttpContext.RequestAborted);
}

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
