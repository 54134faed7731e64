using System.Security.Claims;
using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Orders.Features;

internal sealed record SlotView(DateTime StartsAt, string CoachLocal, string YourLocal);

internal sealed record CheckoutQuote(Guid ListingId, Guid CoachId, string Title, string Kind, int Sessions, int SessionMinutes, string Currency,
    long PriceMinor, long PlatformFeeMinor, long CoachNetMinor, decimal PlatformFeePercent, string Price, string PlatformFee, string CoachNet,
    bool Purchasable, string? Problem, string CoachTimeZone, string YourTimeZone, IReadOnlyList<SlotView> Slots, bool Simulator, int ValidityDays = 0);

internal sealed record GetCheckoutQuote(Guid ListingId, Guid ViewerId, string ViewerTimeZone) : IRequest<CheckoutQuote>;

internal sealed class GetCheckoutQuoteHandler(OrdersDbContext db, IMediator mediator, TimeProvider time, IOptions<OrdersOptions> options, IStripeGateway stripe)
    : IRequestHandler<GetCheckoutQuote, CheckoutQuote>
{
    public async Task<CheckoutQuote> Handle(GetCheckoutQuote request, CancellationToken ct)
    {
        var listing = await mediator.Send(new GetListingForPurchase(request.ListingId), ct)
                      ?? throw new NotFoundException("listing_not_found", "This listing does not exist.");
        var o = options.Value;
        var fee = Pricing.Fee(listing.PriceMinor, o.PlatformFeePercent);
        var payable = await db.PayoutAccounts.AnyAsync(a => a.CoachId == listing.CoachId && a.ChargesEnabled && a.PayoutsEnabled, ct);
        string? problem = listing.CoachId == request.ViewerId ? "You cannot buy your own listing."
            : !listing.IsPublished || !listing.CoachIsListed ? "This listing is not available for purchase."
            : !payable ? "This coach cannot take payments yet." : null;
        var availability = await mediator.Send(new GetCoachAvailability(listing.CoachId), ct);
        var slots = new List<SlotView>();
        var coachTz = availability?.TimeZone ?? "UTC";
        if (availability is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var offered = SlotCalendar.Offered(availability, listing.SessionMinutes, now.AddHours(o.MinimumNoticeHours), now.AddDays(o.BookingHorizonDays));
            if (offered.Count > 0)
            {
                var first = offered[0].AddDays(-1);
                var last = offered[^1].AddMinutes(listing.SessionMinutes);
                var taken = await db.Bookings.AsNoTracking()
                    .Where(b => b.CoachId == listing.CoachId && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked) && b.StartsAt >= first && b.StartsAt < last)
                    .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct);
                var ctz = UserTime.Find(coachTz);
                var vtz = UserTime.Find(request.ViewerTimeZone);
                slots = offered.Where(s => !taken.Any(t => t.StartsAt < s.AddMinutes(listing.SessionMinutes) && s < t.EndsAt))
                    .Take(200).Select(s => new SlotView(s, UserTime.Format(s, ctz), UserTime.Format(s, vtz))).ToList();
            }
        }
        string F(long v) => Currencies.Format(v, listing.Currency);
        return new CheckoutQuote(listing.ListingId, listing.CoachId, listing.Title, listing.Kind.ToString(), listing.Sessions, listing.SessionMinutes,
            listing.Currency.ToUpperInvariant(), listing.PriceMinor, fee, listing.PriceMinor - fee, o.PlatformFeePercent, F(listing.PriceMinor), F(fee),
            F(listing.PriceMinor - fee), problem is null, problem, coachTz, request.ViewerTimeZone, slots, stripe.IsSimulator,
            listing.ValidityDays is > 0 and <= 730 ? listing.ValidityDays.Value : o.PackageValidityDays);
    }
}

internal static class GetCheckoutQuoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/checkout/{listingId:guid}", async (Guid listingId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetCheckoutQuote(listingId, user.GetUserId(), user.GetTimeZone().Id), ct)))
            .RequireAuthorization(Policies.Member).WithSummary("Price, platform fee, coach's net and bookable slots of a listing.");
}
