namespace TechInterviewCoach.Identity.Features;

internal sealed record AdminUserRow(Guid Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, UserStatus Status, DateTime CreatedAt, DateTime? OnboardedAt, bool IsLinkedIn);

internal sealed record AdminUserList(IReadOnlyList<AdminUserRow> Users, int Total);

/// <summary>People for the admin list: search on name or email, filter by role and status; newest first, 200 at most.</summary>
internal sealed record ListUsers(string? Search, string? Role, string? Status) : IRequest<AdminUserList>;

/// <summary>The labels the filter and the list share.</summary>
internal static class PeopleLabels
{
    public static string Role(string role) => role switch { Roles.Coachee => "Coachee", Roles.Coach => "Coach", Roles.Admin => "Admin", _ => role };
    public static string Status(UserStatus status) => status.ToString();
}

internal sealed class ListUsersHandler(IdentityDbContext db) : IRequestHandler<ListUsers, AdminUserList>
{
    public async Task<AdminUserList> Handle(ListUsers request, CancellationToken cancellationToken)
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

internal static class ListUsersEndpoint
{
    /// <param name="admin">The admins' group, /api/identity/admin/users.</param>
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/", async Task<Ok<AdminUserList>> (string? search, string? role, string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUsers(search, role, status), ct)))
            .WithSummary("People, with search, role and status filters.");
}
