using StripeNet = Stripe;
using StripeSession = Stripe.Checkout.Session;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Features;

/// <summary>
/// What each Stripe event does. Every effect is guarded by the order's state machine and by monotonic facts
/// (paid once, refunded amount only grows, a dispute opens and closes once), so a late, repeated or shuffled event
/// never moves anything backwards and the final state does not depend on arrival order.
/// </summary>
/// <param name="EventId">A stored event (<see cref="StripeEventRecord"/>), claimed by the <see cref="StripeEventProcessor"/>, which
/// commits the effects together with marking it processed.</param>
internal sealed record ApplyStripeEvent(string EventId) : IRequest<Unit>;

internal sealed class ApplyStripeEventHandler(OrdersDbContext db, TimeProvider time, OrderNotifier notifier, SessionNotifier sessions, ILogger<ApplyStripeEventHandler> logger)
    : IRequestHandler<ApplyStripeEvent, Unit>
{
    private const string Stripe = "stripe";

    public async Task<Unit> Handle(ApplyStripeEvent request, CancellationToken ct)
    {
        // The processor's scope holds the row already: Find answers from the change tracker.
        var ev = await db.StripeEvents.FindAsync([request.EventId], ct)
                 ?? throw new InvalidOperationException($"stored Stripe event {request.EventId} is missing");
        await ApplyAsync(ev, ct);
        return Unit.Value;
    }

    private async Task ApplyAsync(StripeEventRecord ev, CancellationToken ct)
    {
        // Stripe.net's typed event. The receiver already set aside an event of another API version; one an admin
        // retried is read as well as Stripe.net can.
        var stripeEvent = StripeNet.EventUtility.ParseEvent(ev.Payload, throwOnApiVersionMismatch: false);
        var obj = stripeEvent.Data?.Object;
        var created = stripeEvent.Created == default ? time.GetUtcNow().UtcDateTime : stripeEvent.Created;
        switch (ev.Type)
        {
            case "checkout.session.completed":
                if (As<StripeSession>(obj).PaymentStatus == "paid") await PaidAsync(ev, As<StripeSession>(obj), ct);
                else await ProcessingAsync(ev, As<StripeSession>(obj), ct);
                break;
            case "checkout.session.async_payment_succeeded": await PaidAsync(ev, As<StripeSession>(obj), ct); break;
            case "checkout.session.async_payment_failed": await EndedAsync(ev, As<StripeSession>(obj), OrderState.Failed, "Payment failed", ct); break;
            case "checkout.session.expired": await EndedAsync(ev, As<StripeSession>(obj), OrderState.Expired, "Checkout expired", ct); break;
            case "account.updated": await AccountUpdatedAsync(As<StripeNet.Account>(obj), created, ct); break;
            case "charge.refunded": await RefundedAsync(ev, As<StripeNet.Charge>(obj), ct); break;
            case "charge.dispute.created": await DisputeCreatedAsync(ev, As<StripeNet.Dispute>(obj), ct); break;
            case "charge.dispute.closed": await DisputeClosedAsync(ev, As<StripeNet.Dispute>(obj), ct); break;
            case "payout.paid":
            case "payout.failed": await PayoutAsync(ev, As<StripeNet.Payout>(obj), ct); break;
            default: break; // recorded and acknowledged, no effect
        }
    }

    private static T As<T>(StripeNet.IHasObject? obj) where T : class, StripeNet.IHasObject =>
        obj as T ?? throw new InvalidOperationException($"the event's data.object is {obj?.Object ?? "missing"}, not a {typeof(T).Name}");

    private static string? OrderIdOf(IDictionary<string, string>? metadata) => metadata is not null && metadata.TryGetValue("order_id", out var v) ? v : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Order?> SessionOrderAsync(StripeSession session, CancellationToken ct)
    {
        Guid? id = null;
        if (Guid.TryParse(OrderIdOf(session.Metadata), out var m)) id = m;
        else if (Guid.TryParse(session.ClientReferenceId, out var r)) id = r;
        var sessionId = session.Id;
        var order = id is not null
            ? await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.CheckoutSessionId == sessionId, ct);
        if (order is null) logger.LogWarning("Checkout Session event for an unknown order; ignored");
        return order;
    }

    private async Task PaidAsync(StripeEventRecord ev, StripeSession session, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        // The Checkout Session's payment intent exists once the customer pays: the event's value is the truth.
        if (session.PaymentIntentId is { } pi) order.PaymentIntentId = pi;
        order.CheckoutSessionId ??= session.Id;
        if (OrderStates.IsPaid(order.State)) return;
        var wasEnded = order.State is OrderState.Expired or OrderState.Failed or OrderState.Cancelled;
        if (!order.MoveTo(OrderState.Paid, Now, Stripe, $"Payment of {Currencies.Format(order.GrossMinor, order.Currency)} confirmed", ev.Id)) return;
        order.PaidAt = Now;
        order.ValidUntil = Now.AddDays(order.ValidityDays > 0 ? order.ValidityDays : 90);
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
        foreach (var b in booked) await sessions.ScheduledAsync(order, b, moved: false, ct);
    }

    private async Task ProcessingAsync(StripeEventRecord ev, StripeSession session, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        if (session.PaymentIntentId is { } pi && !OrderStates.IsPaid(order.State)) order.PaymentIntentId = pi;
        order.MoveTo(OrderState.Processing, Now, Stripe, "Checkout completed; the payment is still processing", ev.Id);
    }

    private async Task EndedAsync(StripeEventRecord ev, StripeSession session, OrderState to, string what, CancellationToken ct)
    {
        var order = await SessionOrderAsync(session, ct);
        if (order is null) return;
        if (!order.MoveTo(to, Now, Stripe, what, ev.Id)) return;
        var released = 0;
        foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held)) { b.Status = BookingStatus.Released; released++; }
        if (released > 0) order.Record(Now, "system", $"{released} held slot(s) released", ev.Id);
    }

    private async Task<Order> ChargeOrderAsync(IDictionary<string, string>? metadata, string? chargeId, string? paymentIntentId, string? disputeId, CancellationToken ct)
    {
        Order? order = null;
        if (Guid.TryParse(OrderIdOf(metadata), out var id))
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

    private async Task RefundedAsync(StripeEventRecord ev, StripeNet.Charge charge, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(charge.Metadata, charge.Id, charge.PaymentIntentId, null, ct);
        var total = Math.Min(charge.AmountRefunded, order.GrossMinor);
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
        await notifier.OrderRefundedAsync(order, delta, ct);
    }

    private async Task DisputeCreatedAsync(StripeEventRecord ev, StripeNet.Dispute dispute, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(dispute.Metadata, dispute.ChargeId, dispute.PaymentIntentId, dispute.Id, ct);
        if (order.DisputeId is not null && order.DisputeReason is not null) return;
        FillDispute(order, dispute);
        var what = $"Dispute opened ({order.DisputeReason}, {Currencies.Format(order.DisputeAmountMinor ?? 0, order.Currency)}); the order is frozen";
        if (order.DisputeClosedAt is not null) order.Record(Now, Stripe, what + " — it had already closed", ev.Id);
        else if (!order.MoveTo(OrderState.Disputed, Now, Stripe, what, ev.Id)) order.Record(Now, Stripe, what, ev.Id);
    }

    private async Task DisputeClosedAsync(StripeEventRecord ev, StripeNet.Dispute dispute, CancellationToken ct)
    {
        var order = await ChargeOrderAsync(dispute.Metadata, dispute.ChargeId, dispute.PaymentIntentId, dispute.Id, ct);
        if (order.DisputeClosedAt is not null) return;
        FillDispute(order, dispute);
        order.DisputeStatus = dispute.Status ?? "closed";
        order.DisputeClosedAt = Now;
        order.Touch(Now);
        var what = $"Dispute closed: {order.DisputeStatus}";
        if (!order.MoveTo(order.SettledState(), Now, Stripe, what, ev.Id)) order.Record(Now, Stripe, what, ev.Id);
    }

    private static void FillDispute(Order order, StripeNet.Dispute dispute)
    {
        order.DisputeId ??= dispute.Id;
        order.DisputeReason ??= dispute.Reason;
        order.DisputeAmountMinor ??= dispute.Amount;
        if (order.DisputeClosedAt is null) order.DisputeStatus = dispute.Status;
        if (order.DisputeEvidenceDueBy is null && dispute.EvidenceDetails?.DueBy is { } due)
            order.DisputeEvidenceDueBy = DateTime.SpecifyKind(due, DateTimeKind.Utc);
    }

    private async Task AccountUpdatedAsync(StripeNet.Account account, DateTime eventCreated, CancellationToken ct)
    {
        var id = account.Id;
        var row = await db.PayoutAccounts.SingleOrDefaultAsync(a => a.StripeAccountId == id, ct);
        if (row is null) return;
        if (eventCreated < row.StateAsOf) return; // an older snapshot never overwrites a newer one
        var a = StripeApiGateway.ToAccount(account);
        PayoutAccounts.Apply(db, row, a, eventCreated, Now);
    }

    private async Task PayoutAsync(StripeEventRecord ev, StripeNet.Payout payout, CancellationToken ct)
    {
        var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.StripeAccountId == ev.Account, ct);
        if (account is null) { logger.LogWarning("Payout event for an unknown connected account; ignored"); return; }
        var id = payout.Id;
        var status = ev.Type == "payout.failed" ? "failed" : "paid";
        var row = await db.Payouts.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            row = new Payout { Id = id, CoachId = account.CoachId, StripeAccountId = account.StripeAccountId };
            db.Payouts.Add(row);
        }
        else if (row.Status == status || row.Status == "failed") return; // a failed payout never turns back into paid
        row.Status = status;
        row.AmountMinor = payout.Amount;
        row.Currency = (payout.Currency ?? "usd").ToUpperInvariant();
        row.ArrivalDate = payout.ArrivalDate == default ? null : DateTime.SpecifyKind(payout.ArrivalDate, DateTimeKind.Utc);
        row.FailureMessage = status == "failed" ? payout.FailureMessage ?? payout.FailureCode : null;
        row.StripeEventId = ev.Id;
        row.UpdatedAt = Now;
        notifier.Payout(row);
    }
}
