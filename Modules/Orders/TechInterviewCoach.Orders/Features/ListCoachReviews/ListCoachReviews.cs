namespace TechInterviewCoach.Orders.Features;

/// <summary>A coach's public rating and recent reviews (the same answer Matching's profile page gets).</summary>
internal static class GetCoachReviewsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coaches/{coachId:guid}/reviews", async (Guid coachId, int? take, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetCoachReviews(coachId, Math.Clamp(take ?? 10, 1, 50)), ct)))
            .AllowAnonymous()
            .WithSummary("A coach's rating (average of visible reviews, count) and most recent reviews with replies; authors by short name.");
}
