namespace TechInterviewCoach.Orders.Features;

/// <summary>A refund of an order, shared by <see cref="RefundOrder"/> and <see cref="CancelSession"/> (a cancelled session's share).</summary>
internal static class Refunder
{
    /// <summary>
    /// Reserves the amount on the order (saved first, guarded by the order's concurrency token so two refunds
    /// cannot both pass the "not more than paid" check), then asks Stripe with a key unique to this refund.
    /// The order's refunded amount follows charge.refunded, never this call.
    /// </summary>
    public static async Task<RefundResult> RefundAsync(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, OrdersOptions options,
        Order order, long amount, string reason, string actor, CancellationToken ct)
    {
        if (order.State is OrderState.Disputed or OrderState.DisputeLost)
            throw new ConflictException("order_disputed", "This order is disputed; it cannot be refunded until the dispute is settled.");
        if (!OrderStates.IsPaid(order.State) || order.PaymentIntentId is null)
            throw new ConflictException("order_not_paid", "Only a paid order can be refunded.");
        var refundable = order.RefundableMinor(order.Refunds);
        if (amount > refundable)
            throw new ConflictException("refund_exceeds_paid", $"At most {Currencies.Format(Math.Max(0, refundable), order.Currency)} can still be refunded.");

        var now = time.GetUtcNow().UtcDateTime;
        var refund = new RefundRecord
        {
            Id = Guid.CreateVersion7(), OrderId = order.Id, AmountMinor = amount, Reason = reason.Trim(), Actor = actor,
            Status = RefundStatus.Requested, CreatedAt = now,
        };
        order.Refunds.Add(refund);
        order.Touch(now);
        order.Record(now, actor, $"Refund of {Currencies.Format(amount, order.Currency)} requested: {refund.Reason}", null);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("order_changed", "The order changed meanwhile; reload it and try again.");
        }

        try
        {
            var result = await stripe.CreateRefundAsync(new RefundRequest(order.Id, order.PaymentIntentId, amount, options.RefundApplicationFee), $"refund-{refund.Id}", ct);
            refund.StripeRefundId = result.Id;
            order.Record(time.GetUtcNow().UtcDateTime, "stripe", $"Stripe accepted refund {result.Id} ({result.Status})", null);
            await db.SaveChangesAsync(ct);
            return new RefundResult(refund.Id, result.Id, amount, order.Currency);
        }
        catch (Exception e) when (e is StripeUnavailableException or StripeApiException)
        {
            refund.Status = RefundStatus.Failed;
            order.Record(time.GetUtcNow().UtcDateTime, "stripe", $"Refund failed: {e.Message}", null);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new ConflictException("refund_failed", e.Message);
        }
    }
}
