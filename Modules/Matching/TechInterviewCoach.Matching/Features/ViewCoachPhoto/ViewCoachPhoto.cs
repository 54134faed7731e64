using Microsoft.Net.Http.Headers;

namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// Anyone loads a coach's photo (photos are public, like the card they sit on). The bytes are read only when the
/// caller's copy (<see cref="KnownVersion"/>, from If-None-Match) is not the current one. 404 when the coach has none.
/// </summary>
internal sealed record ViewCoachPhoto(Guid CoachId, string? KnownVersion) : IRequest<CoachPhotoFile>;

/// <summary>The current version, and the bytes unless the caller already has them.</summary>
internal sealed record CoachPhotoFile(string Version, byte[]? Content);

internal sealed class ViewCoachPhotoHandler(MatchingDbContext db, PhotoStore store) : IRequestHandler<ViewCoachPhoto, CoachPhotoFile>
{
    public async Task<CoachPhotoFile> Handle(ViewCoachPhoto request, CancellationToken ct)
    {
        var photo = await db.CoachPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.CoachId == request.CoachId, ct)
            ?? throw NotFound();
        if (photo.Version == request.KnownVersion) return new CoachPhotoFile(photo.Version, null);
        return new CoachPhotoFile(photo.Version, await store.ReadAsync(photo.StorageId, ct) ?? throw NotFound());
    }

    private static NotFoundException NotFound() => new("photo_not_found", "This coach has no photo.");
}

internal static class ViewCoachPhotoEndpoint
{
    /// <summary>A versioned address (the one pages use) may be kept for a year; any other is checked again each time.</summary>
    private const string Immutable = "public, max-age=31536000, immutable", Revalidate = "public, no-cache";

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coaches/{id:guid}/photo", async Task<IResult> (Guid id, string? v, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var known = http.Request.GetTypedHeaders().IfNoneMatch?.FirstOrDefault()?.Tag.Value?.Trim('"');
                var file = await m.Send(new ViewCoachPhoto(id, known), ct);
                var headers = http.Response.Headers;
                headers.ETag = new EntityTagHeaderValue($"\"{file.Version}\"").ToString();
                headers.CacheControl = v == file.Version ? Immutable : Revalidate;
                headers.XContentTypeOptions = "nosniff";
                return file.Content is null ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.File(file.Content, EncodedPhoto.ContentType);
            })
            .AllowAnonymous().WithSummary("A coach's photo (WebP); use the versioned address from a card, which may be cached for a year.");
}
