namespace TechInterviewCoach.Orders.Features;

/// <summary>Creates (or re-creates with the same idempotency key) the Checkout Session of a pending order.</summary>
internal static class CheckoutSessions
{
    public const string UnavailableCode = "payment_provider_unavailable";
    /// <summary>The 503 problem's title; its detail is Stripe's sentence ("... Nothing was charged; please try again in a minute.").</summary>
    public const string UnavailableTitle = "Payment provider unavailable";

    public static async Task<CheckoutResult> EnsureAsync(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, OrdersOptions options,
        Order order, string baseUrl, CancellationToken ct)
    {
        if (order.CheckoutUrl is not null && order.State is OrderState.Pending) return new CheckoutResult(order.Id, order.CheckoutUrl);
        if (order.State is not OrderState.Pending)
            throw new ConflictException("order_not_pending", $"This order is {OrderStates.Label(order.State).ToLowerInvariant()}; it cannot be paid again.");
        var now = time.GetUtcNow().UtcDateTime;
        var origin = baseUrl.TrimEnd('/');
        StripeCheckoutSession session;
        try
        {
            session = await stripe.CreateCheckoutSessionAsync(new CheckoutSessionRequest(
                order.Id, order.Sessions > 1 ? $"{order.ListingTitle} ({order.Sessions} sessions)" : order.ListingTitle,
                order.GrossMinor, order.Currency, order.PlatformFeeMinor, order.DestinationAccountId,
                $"{origin}/orders/{order.Id}?checkout=success", $"{origin}/orders/{order.Id}?checkout=cancelled",
                now.AddMinutes(options.CheckoutExpiryMinutes)), order.IdempotencyKey, ct);
        }
        catch (StripeUnavailableException e)
        {
            // Stripe stayed unavailable: the order is kept pending with its slots held and can be retried with the same key.
            order.Record(now, "system", "Stripe was unavailable; the order stays pending and can be retried", null);
            await db.SaveChangesAsync(ct);
            throw new UnavailableException(UnavailableCode, UnavailableTitle).With("detail", e.Message).With("orderId", order.Id);
        }
        catch (StripeApiException e)
        {
            order.MoveTo(OrderState.Failed, now, "stripe", $"Stripe rejected the Checkout Session: {e.Message}", null);
            foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held)) b.Status = BookingStatus.Released;
            await db.SaveChangesAsync(ct);
            throw new ConflictException("payment_provider_rejected", e.Message);
        }
        order.CheckoutSessionId = session.Id;
        order.CheckoutUrl = session.Url;
        order.PaymentIntentId ??= session.PaymentIntentId;
        order.Touch(now);
        order.Record(now, "system", $"Checkout Session {session.Id} created", null);
        await db.SaveChangesAsync(ct);
        return new CheckoutResult(order.Id, session.Url);
    }
}
