namespace TechInterviewCoach.Matching.Data;

/// <summary>A listing as its coach, the directory and the export show it: the price in minor units and formatted.</summary>
internal sealed record ListingView(Guid Id, string Title, string Description, ListingKind Kind, int Sessions, int SessionMinutes,
    long PriceMinor, string Currency, string Price, bool IsPublished, int ValidityDays, string? MeetingUrl);

internal static class Listings
{
    public const int DefaultValidityDays = 90, MinValidityDays = 7, MaxValidityDays = 365;

    public static ListingView ToView(this Listing l) => new(l.Id, l.Title, l.Description, l.Kind, l.Sessions, l.SessionMinutes,
        l.PriceMinor, l.Currency, Currencies.Format(l.PriceMinor, l.Currency), l.IsPublished,
        l.ValidityDays, l.MeetingUrl);

    /// <summary>The coach's own listing, tracked; 404 for anyone else's.</summary>
    public static async Task<Listing> OwnListingAsync(this MatchingDbContext db, Guid coachId, Guid listingId, CancellationToken ct) =>
        await db.Listings.SingleOrDefaultAsync(l => l.Id == listingId && l.CoachId == coachId, ct)
        ?? throw new NotFoundException("listing_not_found", "No such listing.");
}
