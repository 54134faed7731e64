namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// A coach uploads or replaces their photo: JPEG, PNG or WebP by content, at most 2 MB and 25 megapixels, re-encoded on
/// the server (<see cref="PhotoImage"/>). On rejection nothing changes: the previous photo stays.
/// </summary>
internal sealed record UploadCoachPhoto(Guid CoachId, byte[] Content) : IRequest<CoachPhotoView>
{
    /// <summary>The request for an uploaded form file: a clear answer when there is none or it is too large to read.</summary>
    public static async Task<UploadCoachPhoto> FromFormAsync(Guid coachId, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new InputException("photo_missing", "photo", "Choose a photo (JPEG, PNG or WebP).");
        if (file.Length > PhotoImage.MaxBytes) throw new InputException("photo_too_large", "photo", PhotoImage.TooLargeMessage);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return new UploadCoachPhoto(coachId, ms.ToArray());
    }
}

internal sealed class UploadCoachPhotoHandler(MatchingDbContext db, PhotoStore store, TimeProvider time) : IRequestHandler<UploadCoachPhoto, CoachPhotoView>
{
    public Task<CoachPhotoView> Handle(UploadCoachPhoto request, CancellationToken ct) =>
        CoachPhotos.ReplaceAsync(db, store, request.CoachId, PhotoImage.Reencode(request.Content), CoachPhoto.Uploaded, time.GetUtcNow().UtcDateTime, ct);
}

internal static class UploadCoachPhotoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        // Antiforgery is off for this API call like for the CV upload: the auth cookie is SameSite=Lax, so a cross-site
        // form cannot carry it. The profile page's form keeps its antiforgery token.
        group.MapPost("/coach/photo", async Task<Ok<CoachPhotoView>> (IFormFile? photo, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(await UploadCoachPhoto.FromFormAsync(user.GetUserId(), photo, ct), ct)))
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Uploads or replaces your coach photo (form field `photo`: JPEG, PNG or WebP, at most 2 MB and 25 megapixels); stored as a 256×256 WebP without metadata.");
}
