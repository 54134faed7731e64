namespace TechInterviewCoach.Matching.Features;

/// <summary>A coach publishes (or unpublishes) one of their listings; the coach's listed state follows.</summary>
internal sealed record PublishListing(Guid CoachId, Guid ListingId, bool Published) : IRequest<ListingView>;

internal sealed class PublishListingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<PublishListing, ListingView>
{
    public async Task<ListingView> Handle(PublishListing request, CancellationToken ct)
    {
        var listing = await db.OwnListingAsync(request.CoachId, request.ListingId, ct);
        var now = time.GetUtcNow();
        listing.IsPublished = request.Published;
        listing.UpdatedAt = now.UtcDateTime;
        await ListedState.RefreshAsync(db, request.CoachId, now, ct);
        await db.SaveAndBumpAsync(ct);
        return listing.ToView();
    }
}

internal static class PublishListingEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/coach/listings/{id:guid}/publish", async Task<Ok<ListingView>> (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new PublishListing(user.GetUserId(), id, true), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
        group.MapPost("/coach/listings/{id:guid}/unpublish", async Task<Ok<ListingView>> (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new PublishListing(user.GetUserId(), id, false), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes);
    }
}
