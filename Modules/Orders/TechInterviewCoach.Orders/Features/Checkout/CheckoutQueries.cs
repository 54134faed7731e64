using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Orders.Data;
using TechInterviewCoach.Orders.Domain;
using TechInterviewCoach.Orders.Stripe;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Orders.Features.Checkout;

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

internal sealed record RetryCheckout(Guid OrderId, Guid CoacheeId, string BaseUrl) : IRequest<CheckoutResult>;

internal sealed class RetryCheckoutHandler(OrdersDbContext db, IStripeGateway stripe, TimeProvider time, IOptions<OrdersOptions> options)
    : IRequestHandler<RetryCheckout, CheckoutResult>
{
    public async Task<CheckoutResult> Handle(RetryCheckout request, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Bookings).SingleOrDefaultAsync(o => o.Id == request.OrderId && o.CoacheeId == request.CoacheeId, ct)
                    ?? throw new NotFoundException("order_not_found", "This order does not exist.");
        return await CheckoutSessions.EnsureAsync(db, stripe, time, options.Value, order, request.BaseUrl, ct);
    }
}
