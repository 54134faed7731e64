using System.Security.Claims;
using FluentValidation;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Features;

internal sealed record CheckoutResult(Guid OrderId, string CheckoutUrl);

/// <param name="IdempotencyKey">Optional client key: the same key returns (or resumes) the same order.</param>
/// <param name="BaseUrl">The app's public origin for Stripe's success/cancel URLs.</param>
internal sealed record StartCheckout(Guid CoacheeId, Guid ListingId, IReadOnlyList<DateTime> SlotStarts, string? IdempotencyKey, string BaseUrl)
    : IRequest<CheckoutResult>;

internal sealed class StartCheckoutValidator : AbstractValidator<StartCheckout>
{
    public StartCheckoutValidator()
    {
        RuleFor(x => x.ListingId).NotEmpty();
        RuleFor(x => x.SlotStarts).NotNull().Must(s => s.Count <= 50).WithMessage("Choose at most 50 times.");
        RuleFor(x => x.SlotStarts).Must(s => s.Distinct().Count() == s.Count).When(x => x.SlotStarts is not null).WithMessage("Choose a different time for each session.");
        RuleFor(x => x.IdempotencyKey).MaximumLength(100);
    }
}

internal sealed class StartCheckoutHandler(OrdersDbContext db, IMediator mediator, IStripeGateway stripe, TimeProvider time,
    IOptions<OrdersOptions> options) : IRequestHandler<StartCheckout, CheckoutResult>
{
    public async Task<CheckoutResult> Handle(StartCheckout request, CancellationToken ct)
    {
        if (request.IdempotencyKey is { Length: > 0 } key)
        {
            var existing = await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.CoacheeId == request.CoacheeId && o.IdempotencyKey == key, ct);
            if (existing is not null) return await CheckoutSessions.EnsureAsync(db, stripe, time, options.Value, existing, request.BaseUrl, ct);
        }

        if (await PendingForListingAsync(request, ct) is { } pending) return pending;

        var listing = await mediator.Send(new GetListingForPurchase(request.ListingId), ct)
                      ?? throw new NotFoundException("listing_not_found", "This listing does not exist.");
        if (listing.CoachId == request.CoacheeId)
            throw new ConflictException("own_listing", "You cannot buy your own listing.");
        if (!listing.IsPublished || !listing.CoachIsListed)
            throw new ConflictException("listing_unavailable", "This listing is not available for purchase.");
        if (!Currencies.IsSupported(listing.Currency) || listing.PriceMinor <= 0)
            throw new ConflictException("listing_unavailable", "This listing has no valid price.");
        var account = await db.PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CoachId == listing.CoachId, ct);
        if (account is null || !account.Payable)
            throw new ConflictException("coach_not_payable", "This coach cannot take payments yet.");
        // A single session picks its time at checkout; a package may pick none, some or all now and book the rest later.
        if (listing.Sessions <= 1 ? request.SlotStarts.Count != 1 : request.SlotStarts.Count > listing.Sessions)
            throw new InputException("wrong_slot_count", "slotStarts", listing.Sessions <= 1
                ? "Choose a time for the session."
                : $"Choose at most {listing.Sessions} times now; you can book the others later.");

        var now = time.GetUtcNow().UtcDateTime;
        var starts = request.SlotStarts.Select(s => DateTime.SpecifyKind(s.Kind == DateTimeKind.Local ? s.ToUniversalTime() : s, DateTimeKind.Utc)).OrderBy(s => s).ToList();
        var availability = await mediator.Send(new GetCoachAvailability(listing.CoachId), ct)
                           ?? throw new ConflictException("slot_unavailable", "This coach has no bookable times.");
        var o = options.Value;
        var offered = SlotCalendar.Offered(availability, listing.SessionMinutes, now.AddHours(o.MinimumNoticeHours), now.AddDays(o.BookingHorizonDays)).ToHashSet();
        if (starts.Any(s => !offered.Contains(s)))
            throw new ConflictException("slot_unavailable", "One of the chosen times is not in the coach's availability.");
        if (starts.Any(s => s <= now)) throw new ConflictException("slot_in_past", "One of the chosen times has already passed.");
        for (var i = 1; i < starts.Count; i++)
            if (starts[i] < starts[i - 1].AddMinutes(listing.SessionMinutes))
                throw new ConflictException("slot_unavailable", "The chosen times overlap.");
        // SQLite has no exclusion constraint: the overlap check and the insert run in one write transaction (BEGIN IMMEDIATE,
        // Microsoft.Data.Sqlite's default), so checkouts are serialized and the second one sees the first one's sessions.
        // PostgreSQL refuses an overlap itself (sessions_no_overlap), which lands in the DbUpdateException below.
        await using var serialized = db.Database.IsSqlite() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (starts.Count > 0 && await SlotsTakenAsync(listing.CoachId, starts, listing.SessionMinutes, ct))
            throw new ConflictException("slot_taken", "One of the chosen times was just booked by someone else. Please choose another.");

        var fee = Pricing.Fee(listing.PriceMinor, o.PlatformFeePercent);
        var order = new Order
        {
            Id = Guid.CreateVersion7(), CoachId = listing.CoachId, CoacheeId = request.CoacheeId, ListingId = listing.ListingId,
            ListingTitle = listing.Title.Length > 200 ? listing.Title[..200] : listing.Title, Sessions = listing.Sessions,
            SessionMinutes = listing.SessionMinutes, Currency = listing.Currency.ToUpperInvariant(), GrossMinor = listing.PriceMinor,
            PlatformFeeMinor = fee, CoachNetMinor = listing.PriceMinor - fee, State = OrderState.Pending,
            DestinationAccountId = account.StripeAccountId, CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
            ValidityDays = listing.ValidityDays is > 0 and <= 730 ? listing.ValidityDays.Value : o.PackageValidityDays,
            MeetingUrl = MeetingRooms.IsHttps(listing.MeetingUrl) ? listing.MeetingUrl : null,
        };
        order.IdempotencyKey = request.IdempotencyKey is { Length: > 0 } k ? k : $"checkout-{order.Id}";
        foreach (var s in starts)
            order.Bookings.Add(new Booking
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, CoachId = order.CoachId, CoacheeId = order.CoacheeId,
                StartsAt = s, EndsAt = s.AddMinutes(order.SessionMinutes), Status = BookingStatus.Held, CreatedAt = now,
                MeetingUrl = MeetingRooms.For(order, o.MeetingRoomBaseUrl),
            });
        order.Record(now, $"coachee:{request.CoacheeId}", $"Order created for {Currencies.Format(order.GrossMinor, order.Currency)} (platform fee {Currencies.Format(fee, order.Currency)}); {starts.Count} of {order.Sessions} slot(s) held", null);
        db.Orders.Add(order);
        db.Enqueue(new TrackEvent(request.CoacheeId, AnalyticsEvents.CheckoutStarted, new Dictionary<string, string>
        {
            ["order_id"] = order.Id.ToString(), ["currency"] = order.Currency, ["amount_minor"] = order.GrossMinor.ToString(), ["sessions"] = order.Sessions.ToString(),
        }), time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            if (serialized is not null) await serialized.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The exclusion constraint (PostgreSQL) or the partial unique index on (coach_id, starts_at) caught a concurrent
            // booking of an overlapping slot.
            if (serialized is not null) await serialized.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (request.IdempotencyKey is { Length: > 0 } again)
            {
                var raced = await db.Orders.Include(x => x.Bookings).SingleOrDefaultAsync(x => x.CoacheeId == request.CoacheeId && x.IdempotencyKey == again, ct);
                if (raced is not null) return await CheckoutSessions.EnsureAsync(db, stripe, time, o, raced, request.BaseUrl, ct);
            }
            throw new ConflictException("slot_taken", "One of the chosen times was just booked by someone else. Please choose another.");
        }
        return await CheckoutSessions.EnsureAsync(db, stripe, time, o, order, request.BaseUrl, ct);
    }

    /// <summary>
    /// Paying again for the same times of the same listing (a second Pay, or Back then Pay on a re-rendered page) continues
    /// the checkout already waiting for payment instead of failing on its own held slots or creating a second order.
    /// Other times are a new order: the server books exactly the times submitted.
    /// </summary>
    private async Task<CheckoutResult?> PendingForListingAsync(StartCheckout request, CancellationToken ct)
    {
        var chosen = request.SlotStarts.Select(s => DateTime.SpecifyKind(s.Kind == DateTimeKind.Local ? s.ToUniversalTime() : s, DateTimeKind.Utc)).Order().ToList();
        var pending = await db.Orders.Include(o => o.Bookings)
            .Where(o => o.CoacheeId == request.CoacheeId && o.ListingId == request.ListingId && o.State == OrderState.Pending)
            .OrderByDescending(o => o.CreatedAt).Take(20).ToListAsync(ct);
        var same = pending.FirstOrDefault(o => o.Bookings.Where(b => b.Status == BookingStatus.Held).Select(b => b.StartsAt).Order().SequenceEqual(chosen));
        return same is null ? null : await CheckoutSessions.EnsureAsync(db, stripe, time, options.Value, same, request.BaseUrl, ct);
    }

    private async Task<bool> SlotsTakenAsync(Guid coachId, List<DateTime> starts, int minutes, CancellationToken ct)
    {
        var from = starts[0].AddDays(-1);
        var to = starts[^1].AddMinutes(minutes);
        var active = await db.Bookings.AsNoTracking()
            .Where(b => b.CoachId == coachId && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked) && b.StartsAt >= from && b.StartsAt < to)
            .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct);
        return starts.Any(s => active.Any(b => b.StartsAt < s.AddMinutes(minutes) && s < b.EndsAt));
    }
}

internal sealed record CheckoutBody(Guid ListingId, List<DateTime>? SlotStarts);

internal static class StartCheckoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/checkout", async (CheckoutBody body, HttpRequest request, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var key = request.Headers["Idempotency-Key"].ToString();
                return Results.Ok(await m.Send(new StartCheckout(user.GetUserId(), body.ListingId, body.SlotStarts ?? [], key.Length > 0 ? key : null,
                    OrdersModule.Origin(request)), ct));
            })
            .RequireAuthorization(Policies.Member).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Creates a pending order holding the slots and a Stripe Checkout Session; answers its URL.");
}
