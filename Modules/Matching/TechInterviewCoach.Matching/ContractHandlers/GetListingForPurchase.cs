namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Orders: what a listing costs and whether it may be sold. The price always comes from here, never from the buyer.</summary>
internal sealed class GetListingForPurchaseHandler(MatchingDbContext db) : IRequestHandler<GetListingForPurchase, ListingForPurchase?>
{
    public async Task<ListingForPurchase?> Handle(GetListingForPurchase request, CancellationToken ct)
    {
        var l = await db.Listings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.ListingId, ct);
        if (l is null) return null;
        var listed = await db.CoachProfiles.AnyAsync(p => p.CoachId == l.CoachId && p.IsListed, ct);
        return new ListingForPurchase(l.Id, l.CoachId, l.Title, l.Kind, l.Sessions, l.SessionMinutes, l.PriceMinor, l.Currency, l.IsPublished, listed,
            l.Kind == ListingKind.Package ? l.ValidityDays : null, l.MeetingUrl);
    }
}
