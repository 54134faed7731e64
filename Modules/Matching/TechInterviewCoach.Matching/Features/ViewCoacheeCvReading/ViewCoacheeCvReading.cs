namespace TechInterviewCoach.Matching.Features;

/// <summary>
/// What was read from a coachee's CV, for a coach the coachee started a conversation with (the CV's release rule:
/// 404 otherwise). Every view is logged for the coachee as "cv_reading"; null when there is nothing to show.
/// </summary>
internal sealed record ViewCoacheeCvReading(Guid CoachId, Guid CoacheeId) : IRequest<CvReadingView?>;

internal sealed class ViewCoacheeCvReadingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<ViewCoacheeCvReading, CvReadingView?>
{
    public async Task<CvReadingView?> Handle(ViewCoacheeCvReading r, CancellationToken ct)
    {
        await ReleaseRule.EnsureActiveAsync(db, r.CoachId, r.CoacheeId, ct);
        var row = await db.CvReadings.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == r.CoacheeId, ct);
        if (row is null) return null;
        db.AccessLog.Add(new AccessLogEntry { Id = Guid.CreateVersion7(), CoachId = r.CoachId, CoacheeId = r.CoacheeId, What = AccessWhat.CvReading, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return CvReadingView.Of(row);
    }
}

internal static class ViewCoacheeCvReadingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coachees/{coacheeId:guid}/cv-reading", async Task<Results<Ok<CvReadingView>, NoContent>> (Guid coacheeId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                await m.Send(new ViewCoacheeCvReading(user.GetUserId(), coacheeId), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NoContent())
            .RequireAuthorization()
            .WithSummary("What was read from a coachee's CV, for the coach they started a conversation with (404 otherwise; 204 when there is no CV). Every view is logged.");
}
