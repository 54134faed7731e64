namespace TechInterviewCoach.Identity.Features;

/// <summary>Suspends a person (signed out at once, cannot sign in or act) or lifts the suspension.</summary>
internal sealed record SuspendUser(Guid AdminId, Guid UserId, bool Suspended) : IRequest;

internal sealed class SuspendUserHandler(IdentityDbContext db, TimeProvider time, IMemoryCache cache) : IRequestHandler<SuspendUser>
{
    public async Task<MediatR.Unit> Handle(SuspendUser request, CancellationToken cancellationToken)
    {
        if (request.AdminId == request.UserId) throw new ConflictException("cannot_suspend_self", "You cannot suspend your own account.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "No such person.");
        if (user.Status == UserStatus.Deleted) throw new ConflictException("user_deleted", "This account was deleted.");
        var target = request.Suspended ? UserStatus.Suspended : UserStatus.Active;
        if (user.Status == target) return MediatR.Unit.Value; // repeated click: nothing changes, nothing is published twice
        var now = time.GetUtcNow();
        user.Status = target;
        var oldStamp = user.SecurityStamp;
        user.SecurityStamp = User.NewStamp();
        db.Enqueue(new UserSuspensionChanged(user.Id, request.Suspended, now.UtcDateTime), now);
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, oldStamp);
        return MediatR.Unit.Value;
    }
}

internal static class SuspendUserEndpoint
{
    /// <param name="admin">The admins' group, /api/identity/admin/users.</param>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/{id:guid}/suspend", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SuspendUser(user.GetUserId(), id, true), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Suspend an account: signed out at once, cannot sign in or act.");
        admin.MapPost("/{id:guid}/unsuspend", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SuspendUser(user.GetUserId(), id, false), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Lift a suspension.");
    }
}
