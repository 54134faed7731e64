namespace TechInterviewCoach.Matching.Features;

/// <summary>A coach downloads a coachee's CV, and the download is logged. 404 unless a grant is active for exactly this pair.</summary>
internal sealed record DownloadCoacheeCv(Guid CoachId, Guid CoacheeId) : IRequest<(CvInfo Info, byte[] Content)>;

internal sealed class DownloadCoacheeCvHandler(MatchingDbContext db, CvStore store, TimeProvider time) : IRequestHandler<DownloadCoacheeCv, (CvInfo Info, byte[] Content)>
{
    public async Task<(CvInfo Info, byte[] Content)> Handle(DownloadCoacheeCv r, CancellationToken ct)
    {
        await ReleaseRule.EnsureActiveAsync(db, r.CoachId, r.CoacheeId, ct);
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == r.CoacheeId, ct) ?? throw ReleaseRule.NotFound();
        var bytes = await store.ReadAsync(cv.StorageId, ct) ?? throw ReleaseRule.NotFound();
        db.AccessLog.Add(new AccessLogEntry { Id = Guid.CreateVersion7(), CoachId = r.CoachId, CoacheeId = r.CoacheeId, What = AccessWhat.Cv, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return (new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt), bytes);
    }
}

internal static class DownloadCoacheeCvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coachees/{coacheeId:guid}/cv", async (Guid coacheeId, HttpContext http, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var (info, content) = await m.Send(new DownloadCoacheeCv(user.GetUserId(), coacheeId), ct);
                return info.Download(http, content);
            })
            .RequireAuthorization()
            .WithSummary("A coachee's CV as a PDF download, for the coach they started a conversation with (404 otherwise). Every download is logged.");
}
