namespace TechInterviewCoach.Orders.Domain;

/// <summary>
/// Where an order stands. Moves only forward along <see cref="OrderStates.Allowed"/>; late or repeated Stripe events
/// never move it back (Paid never returns to Pending; refunds only grow).
/// </summary>
internal enum OrderState
{
    Pending = 0, Processing = 1, Paid = 2, PartiallyRefunded = 3, Refunded = 4,
    Disputed = 5, DisputeLost = 6, Failed = 7, Expired = 8,
    /// <summary>The coachee cancelled the checkout before paying; the held slots were released at once.</summary>
    Cancelled = 9,
}

internal static class OrderStates
{
    private static readonly Dictionary<OrderState, OrderState[]> Next = new()
    {
        [OrderState.Pending] = [OrderState.Processing, OrderState.Paid, OrderState.Failed, OrderState.Expired, OrderState.Cancelled],
        [OrderState.Processing] = [OrderState.Paid, OrderState.Failed, OrderState.Expired],
        [OrderState.Paid] = [OrderState.PartiallyRefunded, OrderState.Refunded, OrderState.Disputed],
        [OrderState.PartiallyRefunded] = [OrderState.Refunded, OrderState.Disputed],
        [OrderState.Refunded] = [OrderState.Disputed, OrderState.DisputeLost],
        // A dispute settles: won returns to the paid/refunded state, lost is final.
        [OrderState.Disputed] = [OrderState.Paid, OrderState.PartiallyRefunded, OrderState.Refunded, OrderState.DisputeLost],
        [OrderState.DisputeLost] = [],
        // Money that arrives after a session expired or failed is still recorded (Stripe's truth wins).
        [OrderState.Failed] = [OrderState.Paid],
        [OrderState.Expired] = [OrderState.Paid],
        [OrderState.Cancelled] = [OrderState.Paid],
    };

    public static bool Allowed(OrderState from, OrderState to) => from == to || Next[from].Contains(to);

    /// <summary>States in which a payment is still in progress (they block account deletion).</summary>
    public static bool InProgress(OrderState s) => s is OrderState.Pending or OrderState.Processing or OrderState.Disputed;

    public static bool IsPaid(OrderState s) => s is OrderState.Paid or OrderState.PartiallyRefunded or OrderState.Refunded or OrderState.Disputed or OrderState.DisputeLost;

    public static string Label(OrderState s) => s switch
    {
        OrderState.Pending => "Awaiting payment",
        OrderState.Processing => "Payment processing",
        OrderState.Paid => "Paid",
        OrderState.PartiallyRefunded => "Partially refunded",
        OrderState.Refunded => "Refunded",
        OrderState.Disputed => "Disputed (frozen)",
        OrderState.DisputeLost => "Dispute lost",
        OrderState.Failed => "Payment failed",
        OrderState.Expired => "Expired",
        OrderState.Cancelled => "Checkout cancelled",
        _ => s.ToString(),
    };
}
