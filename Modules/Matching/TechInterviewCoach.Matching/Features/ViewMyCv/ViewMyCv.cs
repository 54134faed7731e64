namespace TechInterviewCoach.Matching.Features;

/// <summary>The coachee's own CV: file name, size and upload time; null when they have none.</summary>
internal sealed record ViewMyCv(Guid UserId) : IRequest<CvInfo?>;

internal sealed class ViewMyCvHandler(MatchingDbContext db) : IRequestHandler<ViewMyCv, CvInfo?>
{
    public async Task<CvInfo?> Handle(ViewMyCv request, CancellationToken ct) =>
        await db.Cvs.AsNoTracking().Where(c => c.UserId == request.UserId)
            .Select(c => new CvInfo(c.FileName, c.SizeBytes, c.UploadedAt)).SingleOrDefaultAsync(ct);
}

internal static class ViewMyCvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cv", async Task<Results<Ok<CvInfo>, NotFound>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ViewMyCv(user.GetUserId()), ct) is { } info ? TypedResults.Ok(info) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Your CV's file name, size and upload time.");
}
