namespace TechInterviewCoach.Matching.Features;

/// <summary>The coachee downloads their own CV; null when they have none.</summary>
internal sealed record DownloadCv(Guid UserId) : IRequest<(CvInfo Info, byte[] Content)?>;

internal sealed class DownloadCvHandler(MatchingDbContext db, CvStore store) : IRequestHandler<DownloadCv, (CvInfo Info, byte[] Content)?>
{
    public async Task<(CvInfo Info, byte[] Content)?> Handle(DownloadCv request, CancellationToken ct)
    {
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == request.UserId, ct);
        if (cv is null) return null;
        var bytes = await store.ReadAsync(cv.StorageId, ct);
        return bytes is null ? null : (new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt), bytes);
    }
}

internal static class DownloadCvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cv/file", async (HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var cv = await mediator.Send(new DownloadCv(user.GetUserId()), ct) ?? throw new NotFoundException("cv_not_found", "You have not uploaded a CV.");
                return cv.Info.Download(http, cv.Content);
            })
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Downloads your own CV.");
}
