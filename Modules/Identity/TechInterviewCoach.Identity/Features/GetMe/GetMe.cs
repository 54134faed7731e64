namespace TechInterviewCoach.Identity.Features;

internal static class GetMeEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async Task<Ok<UserSummary>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var me = await mediator.Send(new GetUserSummary(user.GetUserId()), ct)
                         ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
                return TypedResults.Ok(me);
            })
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in person's public summary.");
}
