namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// The signed-in person's public summary; 404 when the account no longer exists. <paramref name="SessionStamp"/> is the
/// session's security stamp: while this instance trusts the session check of that stamp, the summary that check read is
/// the answer (no second read of the account in the same request or window, see <see cref="Sessions.RecheckAfter"/>).
/// </summary>
internal sealed record GetMe(Guid UserId, string? SessionStamp = null) : IRequest<UserSummary>;

internal sealed class GetMeHandler(IServiceProvider services, IMemoryCache cache, TimeProvider time) : IRequestHandler<GetMe, UserSummary>
{
    public async Task<UserSummary> Handle(GetMe request, CancellationToken cancellationToken)
    {
        if (Sessions.CheckedSummary(cache, time, request.UserId, request.SessionStamp) is { } checkedSummary) return checkedSummary;
        // The context is asked for only here, so a request answered from the session check creates none.
        var db = services.GetRequiredService<IdentityDbContext>();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        return user.ToSummary();
    }
}

internal static class GetMeEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async Task<Ok<UserSummary>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMe(user.GetUserId(), user.FindFirstValue(AppClaims.SecurityStamp)), ct)))
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in person's public summary.");
}
