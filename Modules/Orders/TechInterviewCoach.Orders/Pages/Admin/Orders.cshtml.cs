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
    /// <summary>The filter form as typed: amounts in major units of the chosen currency, dates as days in the admin's zone.</summary>
    internal sealed class FilterForm
    {
        public string? Q { get; set; }
        public string? State { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? CoachId { get; set; }
        public string? CoacheeId { get; set; }
        public string? Currency { get; set; }
        public string? MinAmount { get; set; }
        public string? MaxAmount { get; set; }
        public int? Page { get; set; }
    }

    [BindProperty(SupportsGet = true)] public FilterForm Query { get; set; } = new();
    public OrderPage Orders { get; private set; } = new([], 1, 25, 0);
    public string QueryString { get; private set; } = "";
    public string? CsvLink { get; private set; }
    public string? Err(string field) => ModelState.TryGetValue("Query." + field, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    public async Task OnGetAsync()
    {
        QueryString = Request.QueryString.Value ?? "";
        var filter = ToFilter();
        if (filter is null) return;
        Orders = await mediator.Send(new ListOrders(filter), HttpContext.RequestAborted);
        CsvLink = AdminOrderQuery.CsvLink(filter);
    }

    private OrderFilter? ToFilter()
    {
        ModelState.Clear(); // the binder's own messages are replaced by the ones below
        var q = Query;
        void Error(string field, string message) => ModelState.AddModelError("Query." + field, message);
        OrderState? state = null;
        if (!string.IsNullOrWhiteSpace(q.State))
        {
            if (Enum.TryParse<OrderState>(q.State, true, out var s) && Enum.IsDefined(s)) state = s;
            else Error(nameof(q.State), "Choose a status from the list.");
        }
        var zone = User.GetTimeZone();
        DateTime? Day(string? text, string field, int addDays)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                || d.Year < 2000 || d.Year > 2200)
            {
                Error(field, "Enter a date like 2026-11-30.");
                return null;
            }
            return TimeZoneInfo.ConvertTimeToUtc(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        }
        var from = Day(q.From, nameof(q.From), 0);
        var to = Day(q.To, nameof(q.To), 1); // the whole "to" day
        if (from is not null && to is not null && from >= to) Error(nameof(q.To), "“Ordered to” must be on or after “Ordered from”.");
        Guid? Id(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Guid.TryParse(text.Trim(), out var g)) return g;
            Error(field, "Enter a whole person id (as on their admin page), e.g. 0193…-….");
            return null;
        }
        var coach = Id(q.CoachId, nameof(q.CoachId));
        var coachee = Id(q.CoacheeId, nameof(q.CoacheeId));
        string? currency = null;
        if (!string.IsNullOrWhiteSpace(q.Currency))
        {
            if (Currencies.IsSupported(q.Currency.Trim())) currency = q.Currency.Trim().ToUpperInvariant();
            else Error(nameof(q.Currency), "Choose a currency from the list.");
        }
        long? Amount(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (currency is null)
            {
                if (string.IsNullOrWhiteSpace(q.Currency)) Error(nameof(q.Currency), "Choose the currency of the amounts.");
                return null;
            }
            if (Currencies.TryParseMajor(text, currency, out var minor, out var error)) return minor;
            Error(field, error);
            return null;
        }
        var min = Amount(q.MinAmount, nameof(q.MinAmount));
        var max = Amount(q.MaxAmount, nameof(q.MaxAmount));
        if (min is not null && max is not null && min > max) Error(nameof(q.MaxAmount), "“Amount to” must be at least “Amount from”.");
        var term = q.Q?.Trim();
        if (term is { Length: > 100 }) Error(nameof(q.Q), "Search for at most 100 characters.");
        if (!ModelState.IsValid) return null;
        return new OrderFilter(state, from, to, coach, coachee, min, max, string.IsNullOrEmpty(term) ? null : term, Math.Clamp(q.Page ?? 1, 1, 100_000), 25, currency);
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
