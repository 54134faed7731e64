using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Features.Payouts;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.SharedKernel.Outbound;

namespace TechInterviewCoach.Orders.Features.Webhooks;

/// <summary>
/// What each Stripe event does. Every effect is guarded by the order's state machine and by monotonic facts
/// (paid once, refunded amount only grows, a dispute opens and closes once), so a late, repeated or shuffled event
/// never moves anything backwards and the final state does not depend on arrival order.
/// </summary>
internal sealed class StripeEventApplier(OrdersDbContext db, TimeProvider time, OrderNotifier notifier, ILogger<StripeEventApplier> logger)
{
    private const string Stripe = "stripe";

    public async Task ApplyAsync(StripeEventRecord ev, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(ev.Payload);
        var root = doc.RootElement;
        var obj = root.GetProperty("data").GetProperty("object");
        var created = root.TryGetProperty("created", out var c) && c.TryGetInt64(out var cs) ? DateTimeOffset.FromUnixTimeSeconds(cs).UtcDateTime : time.GetUtcNow().UtcDateTime;
        switch (ev.Type)
        {
            case "checkout.session.completed":
                if (Str(obj, "payment_status") == "paid") await PaidAsync(ev, obj, ct);
                else await ProcessingAsync(ev, obj, ct);
                break;
            case "checkout.session.async_payment_succeeded": await PaidAsync(ev, obj, ct); break;
            case "checkout.session.async_payment_failed": await EndedAsync(ev, obj, OrderState.Failed, "Payment failed", ct); break;
            case "checkout.session.expired": await EndedAsync(ev, obj, OrderState.Expired, "Checkout expired", ct); break;
            case "account.updated": await AccountUpdatedAsync(obj, created, ct); break;
            case "charge.refunded": await RefundedAsync(ev, obj, ct); break;
            case "charge.dispute.created": await DisputeCreatedAsync(ev, obj, ct); break;
            case "charge.dispute.closed": await DisputeClosedAsync(ev, obj, ct); break;
            case "payout.paid":
            case "payout.failed": await PayoutAsync(ev, obj, ct); break;
            default: break; // recorded and acknowledged, no effect
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Order?> SessionOrderAsync(JsonElement session, CancellationToken ct)
    {
        Guid? id = null;
        if (session.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object && Guid.TryParse(Str(md, "order_id"), out var m)) id = m;
        else if (Guid.TryParse(Str(session, "client_reference_id"), out var r)) id = r;
        var sessionId = Str(session, "id");
        var order = id is not null
            ? await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.CheckoutSessionId == sessionId, ct);
        if (order is null) logger.LogWarning("Checkout Session event for an unknown order; ignored");
        return order;
    }

    private async Task PaidAsync(StripeEventRecord ev, JsonElement session, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        // The Checkout Session's payment intent exists once the customer pays: the event's value is the truth.
        if (Str(session, "payment_intent") is { } pi) order.PaymentIntentId = pi;
        order.CheckoutSessionId ??= Str(session, "id");
        if (OrderStates.IsPaid(order.State)) return;
        var wasEnded = order.State is OrderState.Expired or OrderState.Failed or OrderState.Cancelled;
        if (!order.MoveTo(OrderState.Paid, Now, Stripe, $"Payment of {Currencies.Format(order.GrossMinor, order.Currency)} confirmed", ev.Id)) return;
        order.PaidAt = Now;
        var booked = new List<Booking>();
        foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held))
        {
            b.Status = BookingStatus.Booked;
            booked.Add(b);
        }
        if (wasEnded && order.Bookings.Any(b => b.Status == BookingStatus.Released))
            order.Record(Now, "system", "Payment arrived after the slots were released: the sessions need rebooking", ev.Id);
        else if (booked.Count > 0)
            order.Record(Now, "system", $"{booked.Count} session(s) booked", ev.Id);
        await notifier.OrderPaidAsync(order, booked, ct);
    }

    private async Task ProcessingAsync(StripeEventRecord ev, JsonElement session, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        if (Str(session, "payment_intent") is { } pi && !OrderStates.IsPaid(order.State)) order.PaymentIntentId = pi;
        order.MoveTo(OrderState.Processing, Now, Stripe, "Checkout completed; the payment is still processing", ev.Id);
    }

    private async Task EndedAsync(StripeEventRecord ev, JsonElement session, OrderState to, string what, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        if (!order.MoveTo(to, Now, Stripe, what, ev.Id)) return;
        var released = 0;
        foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held)) { b.Status = BookingStatus.Released; released++; }
        if (released > 0) order.Record(Now, "system", $"{released} held slot(s) released", ev.Id);
    }

    private async Task<Order> ChargeOrderAsync(JsonElement obj, string? chargeId, string? paymentIntentId, string? disputeId, CancellationToken ct)
    {
        Order? order = null;
        if (obj.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object && Guid.TryParse(Str(md, "order_id"), out var id))
            order = await db.Orders.Include(o => o.Refunds).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null && paymentIntentId is not null)
            order = await db.Orders.Include(o => o.Refunds).SingleOrDefaultAsync(o => o.PaymentIntentId == paymentIntentId, ct);
        if (order is null && chargeId is not null)
            order = await db.Orders.Include(o => o.Refunds).SingleOrDefaultAsync(o => o.ChargeId == chargeId, ct);
        if (order is null && disputeId is not null)
            order = await db.Orders.Include(o => o.Refunds).SingleOrDefaultAsync(o => o.DisputeId == disputeId, ct);
        if (order is null) throw new NotReadyException("no order is linked to this payment yet");
        if (!OrderStates.IsPaid(order.State)) throw new NotReadyException("the order's payment is not confirmed yet");
        if (chargeId is not null) order.ChargeId ??= chargeId;
        if (paymentIntentId is not null) order.PaymentIntentId ??= paymentIntentId;
        return order;
    }

    private async Task RefundedAsync(StripeEventRecord ev, JsonElement charge, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(charge, Str(charge, "id"), Str(charge, "payment_intent"), null, ct);
        var total = Math.Min(Long(charge, "amount_refunded") ?? 0, order.GrossMinor);
        if (total <= order.RefundedMinor) return; // late or repeated: the refunded amount only grows
        var delta = total - order.RefundedMinor;
        order.RefundedMinor = total;
        order.Touch(Now);
        var confirmed = 0L;
        foreach (var r in order.Refunds.Where(r => r.Status != RefundStatus.Failed).OrderBy(r => r.CreatedAt))
        {
            confirmed += r.AmountMinor;
            if (confirmed <= total && r.Status == RefundStatus.Requested) r.Status = RefundStatus.Succeeded;
        }
        var what = $"Refunded {Currencies.Format(delta, order.Currency)} (total refunded {Currencies.Format(total, order.Currency)})";
        if (!order.MoveTo(order.SettledState(), Now, Stripe, what, ev.Id)) order.Record(Now, Stripe, what, ev.Id);
        notifier.OrderRefunded(order, delta);
    }

    private async Task DisputeCreatedAsync(StripeEventRecord ev, JsonElement dispute, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(dispute, Str(dispute, "charge"), Str(dispute, "payment_intent"), Str(dispute, "id"), ct);
        if (order.DisputeId is not null && order.DisputeReason is not null) return;
        FillDispute(order, dispute);
        var what = $"Dispute opened ({order.DisputeReason}, {Currencies.Format(order.DisputeAmountMinor ?? 0, order.Currency)}); the order is frozen";
        if (order.DisputeClosedAt is not null) order.Record(Now, Stripe, what + " — it had already closed", ev.Id);
        else if (!order.MoveTo(OrderState.Disputed, Now, Stripe, what, ev.Id)) order.Record(Now, Stripe, what, ev.Id);
    }

    private async Task DisputeClosedAsync(StripeEventRecord ev, JsonElement dispute, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(dispute, Str(dispute, "charge"), Str(dispute, "payment_intent"), Str(dispute, "id"), ct);
        if (order.DisputeClosedAt is not null) return;
        FillDispute(order, dispute);
        order.DisputeStatus = Str(dispute, "status") ?? "closed";
        order.DisputeClosedAt = Now;
        order.Touch(Now);
        var what = $"Dispute closed: {order.DisputeStatus}";
        if (!order.MoveTo(order.SettledState(), Now, Stripe, what, ev.Id)) order.Record(Now, Stripe, what, ev.Id);
    }

    private static void FillDispute(Order order, JsonElement dispute)
    {
        order.DisputeId ??= Str(dispute, "id");
        order.DisputeReason ??= Str(dispute, "reason");
        order.DisputeAmountMinor ??= Long(dispute, "amount");
        if (order.DisputeClosedAt is null) order.DisputeStatus = Str(dispute, "status");
        if (order.DisputeEvidenceDueBy is null && dispute.TryGetProperty("evidence_details", out var ed) && ed.ValueKind == JsonValueKind.Object
            && Long(ed, "due_by") is { } due)
            order.DisputeEvidenceDueBy = DateTimeOffset.FromUnixTimeSeconds(due).UtcDateTime;
    }

    private async Task AccountUpdatedAsync(JsonElement account, DateTime eventCreated, CancellationToken ct)
    {
        var id = Str(account, "id");
        var row = await db.PayoutAccounts.SingleOrDefaultAsync(a => a.StripeAccountId == id, ct);
        if (row is null) return;
        if (eventCreated < row.StateAsOf) return; // an older snapshot never overwrites a newer one
        var a = TechInterviewCoach.Orders.Stripe.StripeClient.ReadAccount(account);
        PayoutAccounts.Apply(db, row, a, eventCreated, Now);
    }

    private async Task PayoutAsync(StripeEventRecord ev, JsonElement payout, CancellationToken ct)
    {
        var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.StripeAccountId == ev.Account, ct);
        if (account is null) { logger.LogWarning("Payout event for an unknown connected account; ignored"); return; }
        var id = Str(payout, "id")!;
        var status = ev.Type == "payout.failed" ? "failed" : "paid";
        var row = await db.Payouts.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            row = new Payout { Id = id, CoachId = account.CoachId, StripeAccountId = account.StripeAccountId };
            db.Payouts.Add(row);
        }
        else if (row.Status == status || row.Status == "failed") return; // a failed payout never turns back into paid
        row.Status = status;
        row.AmountMinor = Long(payout, "amount") ?? 0;
        row.Currency = (Str(payout, "currency") ?? "usd").ToUpperInvariant();
        row.ArrivalDate = Long(payout, "arrival_date") is { } arr ? DateTimeOffset.FromUnixTimeSeconds(arr).UtcDateTime : null;
        row.FailureMessage = status == "failed" ? Str(payout, "failure_message") ?? Str(payout, "failure_code") : null;
        row.StripeEventId = ev.Id;
        row.UpdatedAt = Now;
        notifier.Payout(row);
    }

    internal static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;
}
