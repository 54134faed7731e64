namespace TechInterviewCoach.Matching.Features;

/// <summary>A coachee uploads or replaces their CV (PDF only, checked by content). On rejection nothing changes: the previous CV stays.</summary>
internal sealed record UploadCv(Guid UserId, string? FileName, byte[] Content) : IRequest<CvInfo>
{
    /// <summary>The request for an uploaded form file: a clear answer when there is none or it is too large to read.</summary>
    public static async Task<UploadCv> FromFormAsync(Guid userId, IFormFile? file, CancellationToken ct)
    {
        if (file is null) throw new InputException("cv_missing", "file", "Choose your CV as a PDF.");
        if (file.Length > PdfCheck.MaxBytes) throw new InputException("cv_too_large", "file", PdfCheck.TooLargeMessage);
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return new UploadCv(userId, file.FileName, ms.ToArray());
    }
}

internal sealed class UploadCvHandler(MatchingDbContext db, CvStore store, TimeProvider time, MatchSnapshotCache snapshots) : IRequestHandler<UploadCv, CvInfo>
{
    public async Task<CvInfo> Handle(UploadCv request, CancellationToken ct)
    {
        PdfCheck.Ensure(request.Content); // on rejection nothing changes: the previous CV stays
        // Read before anything is stored: an encrypted or broken PDF is refused the same way.
        var facts = await ReadCvOnUpload.ReadAsync(db, snapshots, request.UserId, request.Content, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        // Stored first: when the store cannot be reached (503 storage_unavailable) the row and the previous CV stay as they were.
        var storageId = await store.SaveAsync(request.Content, ct);
        string? previous = null;
        try
        {
            // Two uploads at once both find no CV row; the second insert is retried as a replacement.
            var cv = await db.RetryOnRaceAsync(async t =>
            {
                previous = null;
                var row = await db.Cvs.SingleOrDefaultAsync(c => c.UserId == request.UserId, t);
                if (row is null) db.Cvs.Add(row = new CvFile { UserId = request.UserId });
                else previous = row.StorageId;
                row.StorageId = storageId;
                row.FileName = PdfCheck.SanitiseName(request.FileName);
                row.SizeBytes = request.Content.Length;
                row.UploadedAt = time.GetUtcNow().UtcDateTime;
                await ReadCvOnUpload.StoreAsync(db, request.UserId, facts, row.UploadedAt, t);
                await db.SaveChangesAsync(t);
                return row;
            }, ct);
            if (previous is not null) await store.DeleteOrphanAsync(previous);
            return new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt);
        }
        catch
        {
            await store.DeleteOrphanAsync(storageId);
            throw;
        }
    }
}

internal static class UploadCvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        // Antiforgery is off for this API call like for the JSON API: the auth cookie is SameSite=Lax, so a
        // cross-site form cannot carry it. The /cv page's form keeps its antiforgery token.
        group.MapPost("/cv", async Task<Ok<CvInfo>> (IFormFile? file, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(await UploadCv.FromFormAsync(user.GetUserId(), file, ct), ct)))
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Uploads or replaces your CV (PDF only, at most 5 MB, checked by content).");
}
