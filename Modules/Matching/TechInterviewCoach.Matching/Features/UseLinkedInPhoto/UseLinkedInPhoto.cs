namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// The coach chooses to use their LinkedIn photo: the one explicit consent. Its picture (Identity keeps the address from
/// LinkedIn's sign-in) is fetched once, checked and re-encoded like an upload, and replaces the current photo. Without
/// that choice LinkedIn's picture is never fetched or shown. On any failure the previous photo stays.
/// </summary>
internal sealed record UseLinkedInPhoto(Guid CoachId) : IRequest<CoachPhotoView>;

internal sealed class UseLinkedInPhotoHandler(MatchingDbContext db, PhotoStore store, LinkedInPictures linkedIn, IMediator mediator, TimeProvider time)
    : IRequestHandler<UseLinkedInPhoto, CoachPhotoView>
{
    public async Task<CoachPhotoView> Handle(UseLinkedInPhoto request, CancellationToken ct)
    {
        var me = await mediator.Send(new GetUserSummary(request.CoachId), ct);
        if (me?.PictureUrl is not { } url || !linkedIn.IsAllowed(url))
            throw new InputException("linkedin_photo_missing", "photo", "We have no LinkedIn photo of yours: sign in with LinkedIn, or upload a photo.");
        var content = await linkedIn.FetchAsync(url, ct);
        return await CoachPhotos.ReplaceAsync(db, store, request.CoachId, PhotoImage.Reencode(content), CoachPhoto.LinkedIn, time.GetUtcNow().UtcDateTime, ct);
    }
}

internal static class UseLinkedInPhotoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/coach/photo/linkedin", async Task<Ok<CoachPhotoView>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UseLinkedInPhoto(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Uses your LinkedIn profile picture as your coach photo (your consent): fetched once, re-encoded like an upload.");
}
