namespace TechInterviewCoach.Identity.Features;

/// <summary>Grants or revokes the admin role. An admin cannot revoke their own (someone must stay in charge).</summary>
internal sealed record SetAdminRole(Guid AdminId, Guid UserId, bool Grant) : IRequest;

internal sealed class SetAdminRoleHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<SetAdminRole>
{
    public async Task<MediatR.Unit> Handle(SetAdminRole request, CancellationToken cancellationToken)
    {
        if (!request.Grant && request.AdminId == request.UserId) throw new ConflictException("cannot_revoke_own_admin", "You cannot revoke your own admin role.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "No such person.");
        if (user.Status == UserStatus.Deleted) throw new ConflictException("user_deleted", "This account was deleted.");
        if (request.Grant) user.AddRole(Roles.Admin); else user.RemoveRole(Roles.Admin);
        await db.SaveChangesAsync(cancellationToken);
        Sessions.Forget(cache, user.Id, user.SecurityStamp); // the person's cookie is refreshed with the new roles on their next request
        return MediatR.Unit.Value;
    }
}

internal static class SetAdminRoleEndpoint
{
    /// <param name="admin">The admins' group, /api/identity/admin/users.</param>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/{id:guid}/admin", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetAdminRole(user.GetUserId(), id, true), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Grant the admin role.");
        admin.MapDelete("/{id:guid}/admin", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetAdminRole(user.GetUserId(), id, false), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Revoke the admin role.");
    }
}
