using System.Security.Claims;

namespace TechInterviewCoach.Orders.Features;

internal enum CancelCheckoutOutcome { Cancelled, AlreadyEnded, AlreadyPaid }

/// <summary>
/// The coachee gives up a checkout they have not paid: the Checkout Session is expired at Stripe first (so it can no longer
/// be paid), then the order is cancelled and its held slots are released at once. Repeating it changes nothing.
/// </summary>
internal sealed record CancelCheckout(Guid OrderId, Guid CoacheeId) : IRequest<CancelCheckoutOutcome>;

internal sealed class CancelCheckoutHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time) : IRequestHandler<CancelCheckout, CancelCheckoutOutcome>
{
    public async Task<CancelCheckoutOutcome> Handle(CancelCheckout request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == request.OrderId && o.CoacheeId == request.CoacheeId, ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        if (OrderStates.IsPaid(order.State)) return CancelCheckoutOutcome.AlreadyPaid;
        if (order.State is OrderState.Processing)
            throw new ConflictException("payment_processing", "The payment is already being processed, so this checkout can no longer be cancelled.");
        if (order.State is not OrderState.Pending) return CancelCheckoutOutcome.AlreadyEnded;

        if (order.CheckoutSessionId is { } sessionId)
        {
            string status;
            try { status = await stripe.ExpireCheckoutSessionAsync(sessionId, ct); }
            catch (StripeUnavailableException)
            {
                throw new ConflictException("payment_provider_unavailable", "The payment provider could not be reached, so the checkout is still open. Please try again in a minute.");
            }
            // Paid just before the cancel: the payment's webhook books the slots; nothing is released here.
            if (status == "complete") return CancelCheckoutOutcome.AlreadyPaid;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!order.MoveTo(OrderState.Cancelled, now, $"coachee:{request.CoacheeId}", "Checkout cancelled before payment", null))
            return CancelCheckoutOutcome.AlreadyEnded;
        var released = 0;
        foreach (var b in order.Bookings.Where(b => b.Status == BookingStatus.Held)) { b.Status = BookingStatus.Released; released++; }
        if (released > 0) order.Record(now, "system", $"{released} held slot(s) released", null);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // A webhook changed the order meanwhile (paid or expired): its outcome stands.
            db.ChangeTracker.Clear();
            var state = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.State).SingleAsync(ct);
            return OrderStates.IsPaid(state) ? CancelCheckoutOutcome.AlreadyPaid : CancelCheckoutOutcome.AlreadyEnded;
        }
        return CancelCheckoutOutcome.Cancelled;
    }
}

internal static class CancelCheckoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{orderId:guid}/checkout/cancel", async (Guid orderId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new { outcome = (await m.Send(new CancelCheckout(orderId, user.GetUserId()), ct)).ToString() }))
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Cancels a checkout that waits for payment: expires its Checkout Session and releases the held slots at once. Repeating it changes nothing.");
}
