namespace TechInterviewCoach.Matching.Features;

/// <summary>The coach removes their photo (row and file); their initials show instead. Removing none is no error.</summary>
internal sealed record RemoveCoachPhoto(Guid CoachId) : IRequest<Unit>;

internal sealed class RemoveCoachPhotoHandler(MatchingDbContext db, PhotoStore store) : IRequestHandler<RemoveCoachPhoto, Unit>
{
    public async Task<Unit> Handle(RemoveCoachPhoto request, CancellationToken ct)
    {
        var photo = await db.CoachPhotos.SingleOrDefaultAsync(p => p.CoachId == request.CoachId, ct);
        if (photo is null) return Unit.Value;
        // The object goes before the row: when the store cannot be reached this answers 503 and the row still points at it.
        await store.DeleteAsync(photo.StorageId, ct);
        db.CoachPhotos.Remove(photo);
        await db.SaveAndBumpAsync(ct);
        return Unit.Value;
    }
}

internal static class RemoveCoachPhotoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/coach/photo", async Task<NoContent> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveCoachPhoto(user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Removes your coach photo.");
}
