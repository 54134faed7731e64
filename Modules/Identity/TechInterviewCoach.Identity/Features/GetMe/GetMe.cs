namespace TechInterviewCoach.Identity.Features;

/// <summary>The signed-in person's public summary; 404 when the account no longer exists.</summary>
internal sealed record GetMe(Guid UserId) : IRequest<UserSummary>;

internal sealed class GetMeHandler(IdentityDbContext db) : IRequestHandler<GetMe, UserSummary>
{
    public async Task<UserSummary> Handle(GetMe request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        return user.ToSummary();
    }
}

internal static class GetMeEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async Task<Ok<UserSummary>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMe(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in person's public summary.");
}
