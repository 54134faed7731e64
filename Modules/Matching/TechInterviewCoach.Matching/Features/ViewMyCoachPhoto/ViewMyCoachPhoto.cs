namespace TechInterviewCoach.Matching.Features;

/// <summary>The coach's own photo (null: none yet), and whether a LinkedIn picture of theirs is there to choose.</summary>
internal sealed record ViewMyCoachPhoto(Guid CoachId) : IRequest<MyCoachPhoto>;

internal sealed record MyCoachPhoto(CoachPhotoView? Photo, bool LinkedInPhotoAvailable);

internal sealed class ViewMyCoachPhotoHandler(MatchingDbContext db, LinkedInPictures linkedIn, IMediator mediator) : IRequestHandler<ViewMyCoachPhoto, MyCoachPhoto>
{
    public async Task<MyCoachPhoto> Handle(ViewMyCoachPhoto request, CancellationToken ct)
    {
        var photo = await db.CoachPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.CoachId == request.CoachId, ct);
        var me = await mediator.Send(new GetUserSummary(request.CoachId), ct);
        return new MyCoachPhoto(photo?.ToView(), linkedIn.IsAllowed(me?.PictureUrl));
    }
}

internal static class ViewMyCoachPhotoEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coach/photo", async Task<Ok<MyCoachPhoto>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ViewMyCoachPhoto(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coach).WithSummary("Your coach photo, and whether your LinkedIn picture can be used.");
}
