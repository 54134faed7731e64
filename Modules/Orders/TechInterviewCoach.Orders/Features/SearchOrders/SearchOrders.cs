using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Orders.Features;

internal sealed record OrderRow(Guid Id, DateTime CreatedAt, string State, string StateLabel, Guid CoachId, string CoachName, Guid CoacheeId, string CoacheeName,
    string ListingTitle, string Currency, long GrossMinor, long PlatformFeeMinor, long CoachNetMinor, long RefundedMinor, string Gross, string Refunded);

/// <summary>A page of orders. <paramref name="TotalIsCapped"/>: more than <paramref name="Total"/> orders match (see <see cref="SearchOrdersHandler.CountHorizon"/>).</summary>
internal sealed record OrderPage(IReadOnlyList<OrderRow> Items, int Page, int PageSize, int Total, bool TotalIsCapped = false);

internal sealed record OrderFilter(
    OrderState? State = null, DateTime? From = null, DateTime? To = null, Guid? CoachId = null, Guid? CoacheeId = null,
    long? MinAmountMinor = null, long? MaxAmountMinor = null, string? Query = null, int Page = 1, int PageSize = 25, string? Currency = null);

/// <summary>Orders for the admin list and its CSV export; a coachee's or a coach's own list too (the filter's ids restrict it).</summary>
internal sealed record SearchOrders(OrderFilter Filter) : IRequest<OrderPage>;

internal sealed class SearchOrdersHandler(OrdersDbContext db, OrderNotifier people, IMediator mediator) : IRequestHandler<SearchOrders, OrderPage>
{
    /// <summary>The start of an order id: at least 4 hex digits (dashes where the id has them).</summary>
    private static readonly System.Text.RegularExpressions.Regex OrderIdPrefix = new("^(?=(?:[^-]*[0-9a-fA-F]){4})[0-9a-fA-F-]{4,35}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// How many matching orders a page counts at most (or up to the page after the one shown, when that is further). Beyond
    /// it the list says "more than 10,000": counting every match of a broad filter over 100,000 orders cost more than the
    /// page itself (issue 17: ~25 ms of a 30 ms page), and the count only sizes the pager.
    /// </summary>
    internal const int CountHorizon = 10_000;

    public async Task<OrderPage> Handle(SearchOrders request, CancellationToken ct)
    {
        var f = request.Filter;
        var q = db.Orders.AsNoTracking();
        if (f.State is { } s) q = q.Where(o => o.State == s);
        if (f.From is { } from) q = q.Where(o => o.CreatedAt >= from);
        if (f.To is { } to) q = q.Where(o => o.CreatedAt < to);
        if (f.CoachId is { } coach) q = q.Where(o => o.CoachId == coach);
        if (f.CoacheeId is { } coachee) q = q.Where(o => o.CoacheeId == coachee);
        if (f.Currency is { } currency) q = q.Where(o => o.Currency == currency);
        if (f.MinAmountMinor is { } min) q = q.Where(o => o.GrossMinor >= min);
        if (f.MaxAmountMinor is { } max) q = q.Where(o => o.GrossMinor <= max);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var term = f.Query.Trim();
            // A whole order id, the start of one (as copied from a list or an email), or the start of a Stripe id.
            if (Guid.TryParse(term, out var id)) q = q.Where(o => o.Id == id);
            else if (OrderIdPrefix.IsMatch(term))
            {
                var prefix = term.ToLowerInvariant();
                q = q.Where(o => o.Id.ToString().ToLower().StartsWith(prefix));
            }
            else if (term.StartsWith("cs_")) q = q.Where(o => o.CheckoutSessionId != null && o.CheckoutSessionId.StartsWith(term));
            else if (term.StartsWith("pi_")) q = q.Where(o => o.PaymentIntentId != null && o.PaymentIntentId.StartsWith(term));
            else if (term.StartsWith("ch_") || term.StartsWith("py_")) q = q.Where(o => o.ChargeId != null && o.ChargeId.StartsWith(term));
            else if (term.StartsWith("dp_") || term.StartsWith("du_")) q = q.Where(o => o.DisputeId != null && o.DisputeId.StartsWith(term));
            else if (term.StartsWith("re_") || term.StartsWith("pyr_"))
            {
                var ids = db.Refunds.Where(r => r.StripeRefundId != null && r.StripeRefundId.StartsWith(term)).Select(r => r.OrderId);
                q = q.Where(o => ids.Contains(o.Id));
            }
            else
            {
                // A person's name (coach or coachee), as Identity knows it.
                var ids = await mediator.Send(new FindUsersByName(term), ct);
                q = q.Where(o => ids.Contains(o.CoachId) || ids.Contains(o.CoacheeId));
            }
        }
        var pageSize = Math.Clamp(f.PageSize, 1, 100_000);
        // A page past the end is an empty page, never an offset that overflows (page × size beyond int).
        var page = Math.Clamp(f.Page, 1, int.MaxValue / pageSize);
        var horizon = (int)Math.Min(int.MaxValue - 1, Math.Max(CountHorizon, (page + 1L) * pageSize));
        var counted = await q.Take(horizon + 1).CountAsync(ct);
        var rows = await q.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.SelectMany(o => new[] { o.CoachId, o.CoacheeId }).Distinct().ToList(), ct);
        return new OrderPage(rows.Select(o => new OrderRow(o.Id, o.CreatedAt, o.State.ToString(), OrderStates.Label(o.State), o.CoachId, OrderNotifier.Name(names, o.CoachId),
            o.CoacheeId, OrderNotifier.Name(names, o.CoacheeId), o.ListingTitle, o.Currency, o.GrossMinor, o.PlatformFeeMinor, o.CoachNetMinor, o.RefundedMinor,
            Currencies.Format(o.GrossMinor, o.Currency), Currencies.Format(o.RefundedMinor, o.Currency))).ToList(), page, pageSize, Math.Min(counted, horizon), counted > horizon);
    }
}

/// <summary>The admin's search as query parameters of the API (amounts in minor units, times in UTC).</summary>
internal sealed class AdminOrderQuery
{
    public string? State { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public Guid? CoachId { get; set; }
    public Guid? CoacheeId { get; set; }
    public long? MinAmountMinor { get; set; }
    public long? MaxAmountMinor { get; set; }
    public string? Q { get; set; }
    public string? Currency { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public OrderFilter ToFilter() => new(
        Enum.TryParse<OrderState>(State, true, out var s) ? s : null,
        From is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
        To is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
        CoachId, CoacheeId, MinAmountMinor, MaxAmountMinor, Q, Page ?? 1, Math.Clamp(PageSize ?? 25, 1, 200),
        Currencies.IsSupported(Currency) ? Currency!.ToUpperInvariant() : null);

    /// <summary>The same filter as this query's CSV address (amounts in minor units, times in UTC).</summary>
    public static string CsvLink(OrderFilter f)
    {
        var parts = new List<string>();
        void Add(string k, object? v) { if (v is not null) parts.Add($"{k}={Uri.EscapeDataString(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)}"); }
        Add("State", f.State?.ToString()); Add("From", f.From?.ToString("o")); Add("To", f.To?.ToString("o"));
        Add("CoachId", f.CoachId); Add("CoacheeId", f.CoacheeId); Add("MinAmountMinor", f.MinAmountMinor); Add("MaxAmountMinor", f.MaxAmountMinor);
        Add("Q", f.Query); Add("Currency", f.Currency);
        return "/api/orders/admin/orders.csv" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}

internal static class SearchOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/admin/orders", async ([AsParameters] AdminOrderQuery q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchOrders(q.ToFilter()), ct)))
            .RequireAuthorization(Policies.Admin);
        group.MapGet("/admin/orders.csv", async ([AsParameters] AdminOrderQuery q, IMediator m, CancellationToken ct) =>
            {
                var page = await m.Send(new SearchOrders(q.ToFilter() with { Page = 1, PageSize = 100_000 }), ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OrdersCsv.Write(page.Items)), "text/csv", "orders.csv");
            })
            .RequireAuthorization(Policies.Admin);
    }
}
