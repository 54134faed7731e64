using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TechInterviewCoach.Identity.SignIn;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Identity.Features.Admin;

internal sealed record AdminUserRow(Guid Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, UserStatus Status, DateTime CreatedAt, DateTime? OnboardedAt, bool IsLinkedIn);

internal sealed record AdminUserList(IReadOnlyList<AdminUserRow> Users, int Total);

/// <summary>People for the admin list: search on name or email, filter by role and status; newest first, 200 at most.</summary>
internal sealed record ListUsersQuery(string? Search, string? Role, string? Status) : IRequest<AdminUserList>;

/// <summary>The labels the filter and the list share.</summary>
internal static class PeopleLabels
{
    public static string Role(string role) => role switch { Roles.Coachee => "Coachee", Roles.Coach => "Coach", Roles.Admin => "Admin", _ => role };
    public static string Status(UserStatus status) => status.ToString();
}

internal sealed class ListUsersHandler(IdentityDbContext db) : IRequestHandler<ListUsersQuery, AdminUserList>
{
    public async Task<AdminUserList> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        string? role = null;
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            role = Roles.All.FirstOrDefault(r => string.Equals(r, request.Role.Trim(), StringComparison.OrdinalIgnoreCase))
                   ?? throw new InputException("bad_filter", "role", $"There is no role \"{Shorten(request.Role)}\". Choose Coachee, Coach or Admin, or any role.");
        }
        UserStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            status = Enum.GetValues<UserStatus>().Cast<UserStatus?>().FirstOrDefault(x => string.Equals(x.ToString(), request.Status.Trim(), StringComparison.OrdinalIgnoreCase))
                     ?? throw new InputException("bad_filter", "status", $"There is no status \"{Shorten(request.Status)}\". Choose Active, Suspended or Deleted, or any status.");
        }

        var q = db.Users.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var s = request.Search.Trim().ToLower();
            q = q.Where(u => u.DisplayName.ToLower().Contains(s) || (u.Email != null && u.Email.ToLower().Contains(s))
                             || (u.NotificationEmail != null && u.NotificationEmail.ToLower().Contains(s)));
        }
        // Roles are stored as "coachee,admin": match whole words ("coach" is a part of "coachee").
        if (role is not null) q = q.Where(u => ("," + u.Roles + ",").Contains("," + role + ","));
        if (status is { } st) q = q.Where(u => u.Status == st);
        var total = await q.CountAsync(cancellationToken);
        var users = await q.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Take(200).ToListAsync(cancellationToken);
        return new AdminUserList(users.Select(u => new AdminUserRow(u.Id, u.DisplayName, u.Email, u.RoleList, u.Status, u.CreatedAt, u.OnboardedAt, u.LinkedInSub is not null)).ToList(), total);
    }

    private static string Shorten(string value) => value.Length > 30 ? value[..30] + "…" : value;
}

/// <summary>Suspends a person (signed out at once, cannot sign in or act) or lifts the suspension.</summary>
internal sealed record SetSuspensionCommand(Guid AdminId, Guid UserId, bool Suspended) : IRequest;

internal sealed class SetSuspensionHandler(IdentityDbContext db, TimeProvider time, IMemoryCache cache) : IRequestHandler<SetSuspensionCommand>
{
    public async Task<MediatR.Unit> Handle(SetSuspensionCommand request, CancellationToken cancellationToken)
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

/// <summary>Grants or revokes the admin role. An admin cannot revoke their own (someone must stay in charge).</summary>
internal sealed record SetAdminCommand(Guid AdminId, Guid UserId, bool Grant) : IRequest;

internal sealed class SetAdminHandler(IdentityDbContext db, IMemoryCache cache) : IRequestHandler<SetAdminCommand>
{
    public async Task<MediatR.Unit> Handle(SetAdminCommand request, CancellationToken cancellationToken)
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

internal static class AdminUsersEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/users").RequireAuthorization(Policies.Admin).WithTags("Identity admin");
        admin.MapGet("/", async Task<Ok<AdminUserList>> (string? search, string? role, string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUsersQuery(search, role, status), ct)))
            .WithSummary("People, with search, role and status filters.");
        admin.MapPost("/{id:guid}/suspend", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetSuspensionCommand(user.GetUserId(), id, true), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Suspend an account: signed out at once, cannot sign in or act.");
        admin.MapPost("/{id:guid}/unsuspend", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetSuspensionCommand(user.GetUserId(), id, false), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Lift a suspension.");
        admin.MapPost("/{id:guid}/admin", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetAdminCommand(user.GetUserId(), id, true), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Grant the admin role.");
        admin.MapDelete("/{id:guid}/admin", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SetAdminCommand(user.GetUserId(), id, false), ct);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Revoke the admin role.");
    }
}
