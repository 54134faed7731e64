namespace TechInterviewCoach.Matching.Features;

/// <summary>The coachee deletes their CV (row and file); coaches lose it with it. Deleting none is no error.</summary>
internal sealed record DeleteCv(Guid UserId) : IRequest<Unit>;

internal sealed class DeleteCvHandler(MatchingDbContext db, CvStore store) : IRequestHandler<DeleteCv, Unit>
{
    public async Task<Unit> Handle(DeleteCv request, CancellationToken ct)
    {
        var cv = await db.Cvs.SingleOrDefaultAsync(c => c.UserId == request.UserId, ct);
        if (cv is null) return Unit.Value;
        // The object goes first: when the store cannot be reached (503) the row stays and the person can try again;
        // a row gone with its object left behind would be a CV nobody can delete any more.
        await store.DeleteAsync(cv.StorageId, ct);
        db.Cvs.Remove(cv);
        db.CvReadings.RemoveRange(await db.CvReadings.Where(r => r.UserId == request.UserId).ToListAsync(ct)); // what was read goes with it
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

internal static class DeleteCvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/cv", async Task<NoContent> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCv(user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Deletes your CV.");
}
