namespace TechInterviewCoach.Identity.Features;

/// <summary>Rotates the security stamp: every cookie issued before (every browser, this one included) stops working.</summary>
internal sealed record SignOutEverywhere(Guid UserId) : IRequest;

internal sealed class SignOutEverywhereHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<SignOutEverywhere>
{
    public async Task<MediatR.Unit> Handle(SignOutEverywhere request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var oldStamp = user.SecurityStamp;
        user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, oldStamp);
        return MediatR.Unit.Value;
    }
}

internal static class SignOutEverywhereEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/signout-everywhere", async Task<NoContent> (ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SignOutEverywhere(user.GetUserId()), ct);
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Sign out of every browser and device.");
}
