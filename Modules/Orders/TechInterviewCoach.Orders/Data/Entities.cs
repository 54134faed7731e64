namespace TechInterviewCoach.Orders.Data;

internal sealed class Order
{
    public Guid Id { get; set; }
    public Guid CoachId { get; set; }
    public Guid CoacheeId { get; set; }
    public Guid ListingId { get; set; }
    public string ListingTitle { get; set; } = "";
    public int Sessions { get; set; }
    public int SessionMinutes { get; set; }
    public string Currency { get; set; } = "USD";
    public long GrossMinor { get; set; }
    public long PlatformFeeMinor { get; set; }
    public long CoachNetMinor { get; set; }
    public long RefundedMinor { get; set; }
    public OrderState State { get; set; }
    /// <summary>Sent as Stripe's Idempotency-Key when creating the Checkout Session; a retry reuses it, so no second charge.</summary>
    public string IdempotencyKey { get; set; } = "";
    public string DestinationAccountId { get; set; } = "";
    public string? CheckoutSessionId { get; set; }
    public string? CheckoutUrl { get; set; }
    public string? PaymentIntentId { get; set; }
    public string? ChargeId { get; set; }
    public string? DisputeId { get; set; }
    public string? DisputeReason { get; set; }
    public long? DisputeAmountMinor { get; set; }
    public DateTime? DisputeEvidenceDueBy { get; set; }
    public string? DisputeStatus { get; set; }
    public DateTime? DisputeClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    /// <summary>Optimistic concurrency: a webhook and a person never overwrite each other's change.</summary>
    public Guid Version { get; set; }
    /// <summary>Days after payment within which a package's sessions can be booked (from the listing, shown before paying).</summary>
    public int ValidityDays { get; set; }
    /// <summary>PaidAt + ValidityDays: after it, unbooked sessions are refunded pro rata (decision 0018).</summary>
    public DateTime? ValidUntil { get; set; }
    /// <summary>Sessions never booked whose share was refunded (on request or when the package expired).</summary>
    public int UnusedRefundedSessions { get; set; }
    /// <summary>The coach's own meeting link for this listing (https); null: the platform makes a room per session.</summary>
    public string? MeetingUrl { get; set; }

    public List<OrderTimelineEntry> Timeline { get; set; } = [];
    public List<Booking> Bookings { get; set; } = [];
    public List<RefundRecord> Refunds { get; set; } = [];

    public void Touch(DateTime now) { UpdatedAt = now; Version = Guid.NewGuid(); }

    /// <summary>Moves the state if the transition is allowed and records it; returns false (nothing changes) otherwise.</summary>
    public bool MoveTo(OrderState to, DateTime now, string actor, string what, string? stripeEventId)
    {
        if (to == State || !OrderStates.Allowed(State, to)) return false;
        var from = State;
        State = to;
        Touch(now);
        Record(now, actor, $"{what} ({OrderStates.Label(from)} → {OrderStates.Label(to)})", stripeEventId, to);
        return true;
    }

    public void Record(DateTime now, string actor, string what, string? stripeEventId, OrderState? state = null) =>
        Timeline.Add(new OrderTimelineEntry
        {
            Id = Guid.CreateVersion7(), OrderId = Id, At = now, Actor = actor, Description = what,
            StripeEventId = stripeEventId, State = state ?? State,
        });

    /// <summary>The state the payment facts imply after a refund or a dispute settles.</summary>
    public OrderState SettledState()
    {
        if (DisputeClosedAt is not null && DisputeStatus == "lost") return OrderState.DisputeLost;
        if (DisputeId is not null && DisputeClosedAt is null) return OrderState.Disputed;
        if (RefundedMinor >= GrossMinor) return OrderState.Refunded;
        if (RefundedMinor > 0) return OrderState.PartiallyRefunded;
        return OrderState.Paid;
    }

    public long RefundableMinor(IEnumerable<RefundRecord> refunds)
    {
        var requested = refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.AmountMinor);
        return GrossMinor - Math.Max(RefundedMinor, requested);
    }
}

/// <summary>One line of an order's history: what changed, when, who did it, and the Stripe event behind it.</summary>
internal sealed class OrderTimelineEntry
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public DateTime At { get; set; }
    /// <summary>"stripe", "system", "simulator", or "user:{id}" / "admin:{id}" / "coach:{id}".</summary>
    public string Actor { get; set; } = "";
    public string Description { get; set; } = "";
    public string? StripeEventId { get; set; }
    public OrderState State { get; set; }
}

internal enum BookingStatus { Held = 0, Booked = 1, Released = 2, Cancelled = 3 }

/// <summary>One session of an order in one slot of the coach's calendar. (coach_id, starts_at) is unique among Held and Booked rows.</summary>
internal sealed class Booking
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid CoachId { get; set; }
    public Guid CoacheeId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public BookingStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    /// <summary>The calendar invite's SEQUENCE: 0 when booked, +1 on every move or cancellation (the UID is the session's id).</summary>
    public int Sequence { get; set; }
    /// <summary>Where the two meet: the coach's link or the room the platform made for this session.</summary>
    public string? MeetingUrl { get; set; }
    /// <summary>A new time waiting for the other side's answer, and who proposed it ("coach" or "coachee").</summary>
    public DateTime? ProposedStartsAt { get; set; }
    public string? ProposedBy { get; set; }
    /// <summary>The start time the 24-hour / 1-hour reminder was sent for (a moved session gets its own for the new time).</summary>
    public DateTime? Reminder24For { get; set; }
    public DateTime? Reminder1For { get; set; }

    public static bool IsActive(BookingStatus s) => s is BookingStatus.Held or BookingStatus.Booked;
}

internal enum RefundStatus { Requested = 0, Succeeded = 1, Failed = 2 }

internal sealed class RefundRecord
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public long AmountMinor { get; set; }
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "";
    public string? StripeRefundId { get; set; }
    public RefundStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal enum StripeEventStatus { Pending = 0, Processed = 1, GaveUp = 2 }

/// <summary>A Stripe event exactly as received (id unique), stored before any effect and processed from here.</summary>
internal sealed class StripeEventRecord
{
    public string Id { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Account { get; set; }
    public string Payload { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public StripeEventStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// The Stripe object whose events are applied one at a time in Stripe's order (decision 0024): the PaymentIntent,
    /// else the order (metadata order_id), else the object's own id. Null on rows stored before 2026-11-30 (no order kept).
    /// </summary>
    public string? ObjectKey { get; set; }
    /// <summary>The event's <c>created</c> (Stripe's clock, whole seconds): one object's events are applied in this order, then in arrival order.</summary>
    public DateTime StripeCreatedAt { get; set; }
    /// <summary>Its last attempt found an earlier fact missing (<see cref="Features.NotReadyException"/>): it lets later events of its object pass.</summary>
    public bool Waiting { get; set; }
}

/// <summary>A coach's Stripe connected account (or simulated one) and whether it can be paid.</summary>
internal sealed class PayoutAccount
{
    public Guid CoachId { get; set; }
    public string StripeAccountId { get; set; } = "";
    public bool ChargesEnabled { get; set; }
    public bool PayoutsEnabled { get; set; }
    public bool DetailsSubmitted { get; set; }
    /// <summary>Comma-separated requirements.currently_due.</summary>
    public string RequirementsDue { get; set; } = "";
    public bool Simulated { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When Stripe's state that we hold was true (an older account.updated never overwrites a newer one).</summary>
    public DateTime StateAsOf { get; set; }

    public bool Payable => ChargesEnabled && PayoutsEnabled;
}

internal sealed class Payout
{
    public string Id { get; set; } = "";
    public Guid CoachId { get; set; }
    public string StripeAccountId { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "USD";
    public string Status { get; set; } = "";
    public DateTime? ArrivalDate { get; set; }
    public string? FailureMessage { get; set; }
    public string? StripeEventId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
