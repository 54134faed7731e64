namespace TechInterviewCoach.Matching.Features;

/// <summary>The coach's own listings, published or not, oldest first.</summary>
internal sealed record ListMyListings(Guid CoachId) : IRequest<IReadOnlyList<ListingView>>;

internal sealed class ListMyListingsHandler(MatchingDbContext db) : IRequestHandler<ListMyListings, IReadOnlyList<ListingView>>
{
    public async Task<IReadOnlyList<ListingView>> Handle(ListMyListings request, CancellationToken ct) =>
        (await db.Listings.AsNoTracking().Where(l => l.CoachId == request.CoachId).OrderBy(l => l.CreatedAt).ToListAsync(ct))
        .Select(l => l.ToView()).ToList();
}

internal static class ListMyListingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coach/listings", async Task<Ok<IReadOnlyList<ListingView>>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListMyListings(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach).WithSummary("Your listings.");
}
