using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Features.Webhooks;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Features.OrderViews;

internal sealed record TimelineView(DateTime At, string Actor, string Description, string? StripeEventId, string State);
internal sealed record SessionView(Guid Id, DateTime StartsAt, DateTime EndsAt, string Status);
internal sealed record RefundView(Guid Id, long AmountMinor, string Amount, string Reason, string Actor, string? StripeRefundId, string Status, DateTime CreatedAt);

internal sealed record OrderView(
    Guid Id, string State, string StateLabel, bool Confirmed, Guid CoachId, string CoachName, Guid CoacheeId, string CoacheeName,
    string ListingTitle, int Sessions, int SessionMinutes, string Currency,
    long GrossMinor, long PlatformFeeMinor, long CoachNetMinor, long RefundedMinor,
    string Gross, string PlatformFee, string CoachNet, string Refunded,
    DateTime CreatedAt, DateTime? PaidAt, string? CheckoutSessionId, string? CheckoutUrl, string? PaymentIntentId, string? ChargeId,
    string? DisputeId, string? DisputeReason, long? DisputeAmountMinor, DateTime? DisputeEvidenceDueBy, string? DisputeStatus,
    IReadOnlyList<SessionView> SessionsBooked, IReadOnlyList<RefundView> Refunds, IReadOnlyList<TimelineView> Timeline, Guid ListingId,
    int SessionsLeft = 0, DateTime? ValidUntil = null)
{
    /// <summary>Refunds asked of Stripe and not yet confirmed by its webhook.</summary>
    public long RefundInProgressMinor => Refunds.Where(r => r.Status == "Requested").Sum(r => r.AmountMinor);
}

/// <summary>One order for its coachee, its coach, or an admin (anyone else: 404).</summary>
internal sealed record GetOrder(Guid OrderId, Guid ViewerId, bool ViewerIsAdmin) : IRequest<OrderView>;

internal sealed class GetOrderHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<GetOrder, OrderView>
{
    public async Task<OrderView> Handle(GetOrder request, CancellationToken ct)
    {
        var o = await db.Orders.AsNoTracking().AsSplitQuery().Include(x => x.Timeline).Include(x => x.Bookings).Include(x => x.Refunds)
                    .SingleOrDefaultAsync(x => x.Id == request.OrderId, ct);
        if (o is null || (!request.ViewerIsAdmin && o.CoachId != request.ViewerId && o.CoacheeId != request.ViewerId))
            throw new NotFoundException("order_not_found", "This order does not exist.");
        var names = await people.PeopleAsync([o.CoachId, o.CoacheeId], ct);
        string F(long v) => Currencies.Format(v, o.Currency);
        return new OrderView(o.Id, o.State.ToString(), OrderStates.Label(o.State), OrderStates.IsPaid(o.State), o.CoachId, OrderNotifier.Name(names, o.CoachId),
            o.CoacheeId, OrderNotifier.Name(names, o.CoacheeId), o.ListingTitle, o.Sessions, o.SessionMinutes, o.Currency,
            o.GrossMinor, o.PlatformFeeMinor, o.CoachNetMinor, o.RefundedMinor, F(o.GrossMinor), F(o.PlatformFeeMinor), F(o.CoachNetMinor), F(o.RefundedMinor),
            o.CreatedAt, o.PaidAt, o.CheckoutSessionId, o.State == OrderState.Pending ? o.CheckoutUrl : null, o.PaymentIntentId, o.ChargeId,
            o.DisputeId, o.DisputeReason, o.DisputeAmountMinor, o.DisputeEvidenceDueBy, o.DisputeStatus,
            o.Bookings.OrderBy(b => b.StartsAt).Select(b => new SessionView(b.Id, b.StartsAt, b.EndsAt, b.Status.ToString())).ToList(),
            o.Refunds.OrderBy(r => r.CreatedAt).Select(r => new RefundView(r.Id, r.AmountMinor, F(r.AmountMinor), r.Reason, r.Actor, r.StripeRefundId, r.Status.ToString(), r.CreatedAt)).ToList(),
            o.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.At, t.Actor, t.Description, t.StripeEventId, t.State.ToString())).ToList(),
            o.ListingId, SessionRules.Unbooked(o), o.ValidUntil);
    }
}

internal sealed record OrderRow(Guid Id, DateTime CreatedAt, string State, string StateLabel, Guid CoachId, string CoachName, Guid CoacheeId, string CoacheeName,
    string ListingTitle, string Currency, long GrossMinor, long PlatformFeeMinor, long CoachNetMinor, long RefundedMinor, string Gross, string Refunded);

internal sealed record OrderPage(IReadOnlyList<OrderRow> Items, int Page, int PageSize, int Total);

internal sealed record OrderFilter(
    OrderState? State = null, DateTime? From = null, DateTime? To = null, Guid? CoachId = null, Guid? CoacheeId = null,
    long? MinAmountMinor = null, long? MaxAmountMinor = null, string? Query = null, int Page = 1, int PageSize = 25, string? Currency = null);

/// <summary>Orders for the admin list, the CSV export, a coachee's or a coach's own list (the filter's ids restrict it).</summary>
internal sealed record ListOrders(OrderFilter Filter) : IRequest<OrderPage>;

internal sealed class ListOrdersHandler(OrdersDbContext db, OrderNotifier people, IMediator mediator) : IRequestHandler<ListOrders, OrderPage>
{
    /// <summary>The start of an order id: at least 4 hex digits (dashes where the id has them).</summary>
    private static readonly System.Text.RegularExpressions.Regex OrderIdPrefix = new("^(?=(?:[^-]*[0-9a-fA-F]){4})[0-9a-fA-F-]{4,35}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public async Task<OrderPage> Handle(ListOrders request, CancellationToken ct)
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
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.SelectMany(o => new[] { o.CoachId, o.CoacheeId }).Distinct().ToList(), ct);
        return new OrderPage(rows.Select(o => new OrderRow(o.Id, o.CreatedAt, o.State.ToString(), OrderStates.Label(o.State), o.CoachId, OrderNotifier.Name(names, o.CoachId),
            o.CoacheeId, OrderNotifier.Name(names, o.CoacheeId), o.ListingTitle, o.Currency, o.GrossMinor, o.PlatformFeeMinor, o.CoachNetMinor, o.RefundedMinor,
            Currencies.Format(o.GrossMinor, o.Currency), Currencies.Format(o.RefundedMinor, o.Currency))).ToList(), page, pageSize, total);
    }
}

internal static class OrdersCsv
{
    public static string Write(IEnumerable<OrderRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("order_id,created_at_utc,state,coach_id,coach,coachee_id,coachee,listing,currency,gross_minor,platform_fee_minor,coach_net_minor,refunded_minor\n");
        foreach (var r in rows)
            sb.Append(string.Join(',', r.Id, r.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.State, r.CoachId, Cell(r.CoachName),
                r.CoacheeId, Cell(r.CoacheeName), Cell(r.ListingTitle), r.Currency, r.GrossMinor, r.PlatformFeeMinor, r.CoachNetMinor, r.RefundedMinor)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Quotes a cell and defuses spreadsheet formulas (a leading = + - @).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}

internal sealed record DisputeRow(Guid OrderId, string DisputeId, string? Reason, string Amount, DateTime? EvidenceDueBy, string? Status, bool Open, string CoachName, string CoacheeName);
internal sealed record ListDisputes : IRequest<IReadOnlyList<DisputeRow>>;

internal sealed class ListDisputesHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<ListDisputes, IReadOnlyList<DisputeRow>>
{
    public async Task<IReadOnlyList<DisputeRow>> Handle(ListDisputes request, CancellationToken ct)
    {
        var rows = await db.Orders.AsNoTracking().Where(o => o.DisputeId != null).OrderByDescending(o => o.UpdatedAt).Take(500).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.SelectMany(o => new[] { o.CoachId, o.CoacheeId }).Distinct().ToList(), ct);
        return rows.Select(o => new DisputeRow(o.Id, o.DisputeId!, o.DisputeReason, Currencies.Format(o.DisputeAmountMinor ?? 0, o.Currency), o.DisputeEvidenceDueBy,
            o.DisputeStatus, o.DisputeClosedAt is null, OrderNotifier.Name(names, o.CoachId), OrderNotifier.Name(names, o.CoacheeId))).ToList();
    }
}

internal sealed record AdminPayoutRow(string Id, Guid CoachId, string CoachName, string Amount, string Status, DateTime? ArrivalDate, DateTime UpdatedAt, string? FailureMessage);
internal sealed record ListAllPayouts : IRequest<IReadOnlyList<AdminPayoutRow>>;

internal sealed class ListAllPayoutsHandler(OrdersDbContext db, OrderNotifier people) : IRequestHandler<ListAllPayouts, IReadOnlyList<AdminPayoutRow>>
{
    public async Task<IReadOnlyList<AdminPayoutRow>> Handle(ListAllPayouts request, CancellationToken ct)
    {
        var rows = await db.Payouts.AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(ct);
        var names = await people.PeopleAsync(rows.Select(p => p.CoachId).Distinct().ToList(), ct);
        return rows.Select(p => new AdminPayoutRow(p.Id, p.CoachId, OrderNotifier.Name(names, p.CoachId), Currencies.Format(p.AmountMinor, p.Currency), p.Status,
            p.ArrivalDate, p.UpdatedAt, p.FailureMessage)).ToList();
    }
}

internal sealed record UpcomingSession(Guid OrderId, DateTime StartsAt, string ListingTitle, string CoacheeName);

/// <summary>A coach's booked sessions from now on, soonest first.</summary>
internal sealed record GetCoachUpcomingSessions(Guid CoachId, int Take = 20) : IRequest<IReadOnlyList<UpcomingSession>>;

internal sealed class GetCoachUpcomingSessionsHandler(OrdersDbContext db, OrderNotifier people, TimeProvider time)
    : IRequestHandler<GetCoachUpcomingSessions, IReadOnlyList<UpcomingSession>>
{
    public async Task<IReadOnlyList<UpcomingSession>> Handle(GetCoachUpcomingSessions request, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.CoachId == request.CoachId && b.Status == BookingStatus.Booked && b.EndsAt > now)
            .OrderBy(b => b.StartsAt).Take(request.Take)
            .Join(db.Orders, b => b.OrderId, o => o.Id, (b, o) => new { b.OrderId, b.StartsAt, o.ListingTitle, b.CoacheeId })
            .ToListAsync(ct);
        var names = await people.PeopleAsync(rows.Select(r => r.CoacheeId).Distinct().ToList(), ct);
        return rows.Select(r => new UpcomingSession(r.OrderId, r.StartsAt, r.ListingTitle, OrderNotifier.Name(names, r.CoacheeId))).ToList();
    }
}
