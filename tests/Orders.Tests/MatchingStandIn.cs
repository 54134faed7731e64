using System.Collections.Concurrent;
using MediatR;
using TechInterviewCoach.Matching.Contracts;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>
/// Stands in for the Matching module: answers GetListingForPurchase and GetCoachAvailability from listings the test
/// registers. Registered after the app's own handlers, so it wins in these tests only. Kept although the real Matching
/// module is composed: Orders' own guards must be reachable with listings Matching would never offer (a published
/// listing of a listed coach who cannot take payments answers coach_not_payable here; the real Matching delists that
/// coach first, so the checkout would stop at listing_unavailable), and each test picks the coach's windows and zone.
/// </summary>
public sealed class MatchingStandIn
{
    public ConcurrentDictionary<Guid, ListingForPurchase> Listings { get; } = new();
    public ConcurrentDictionary<Guid, CoachAvailability> Availability { get; } = new();

    public ListingForPurchase AddListing(Guid coachId, long priceMinor = 10000, int sessions = 1, int minutes = 60, string currency = "USD",
        bool published = true, bool listed = true, string timeZone = "Europe/Berlin", int? validityDays = null, string? meetingUrl = null)
    {
        var listing = new ListingForPurchase(Guid.NewGuid(), coachId, sessions > 1 ? $"System design package ({sessions})" : "Mock interview",
            sessions > 1 ? ListingKind.Package : ListingKind.Single, sessions, minutes, priceMinor, currency, published, listed, validityDays, meetingUrl);
        Listings[listing.ListingId] = listing;
        Availability.TryAdd(coachId, new CoachAvailability(coachId, timeZone,
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyWindow(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList()));
        return listing;
    }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddTransient<IRequestHandler<GetListingForPurchase, ListingForPurchase?>, ListingHandler>();
        services.AddTransient<IRequestHandler<GetCoachAvailability, CoachAvailability?>, AvailabilityHandler>();
    }

    private sealed class ListingHandler(MatchingStandIn s) : IRequestHandler<GetListingForPurchase, ListingForPurchase?>
    {
        public Task<ListingForPurchase?> Handle(GetListingForPurchase r, CancellationToken ct) => Task.FromResult(s.Listings.GetValueOrDefault(r.ListingId));
    }

    private sealed class AvailabilityHandler(MatchingStandIn s) : IRequestHandler<GetCoachAvailability, CoachAvailability?>
    {
        public Task<CoachAvailability?> Handle(GetCoachAvailability r, CancellationToken ct) => Task.FromResult(s.Availability.GetValueOrDefault(r.CoachId));
    }
}
