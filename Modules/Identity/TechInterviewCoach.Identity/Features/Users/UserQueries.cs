using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Identity.Data;

namespace TechInterviewCoach.Identity.Features.Users;

internal static class UserMapping
{
    public const string DeletedUserName = "Deleted user";

    public static UserSummary ToSummary(this User u) => new(
        u.Id,
        u.Status == UserStatus.Deleted ? DeletedUserName : u.DisplayName,
        u.Status == UserStatus.Deleted ? null : u.Headline,
        u.Status == UserStatus.Deleted ? null : u.PictureUrl,
        u.TimeZone,
        u.RoleList,
        u.Status == UserStatus.Suspended,
        u.Status == UserStatus.Deleted);
}

internal sealed class GetUserSummaryHandler(IdentityDbContext db) : IRequestHandler<GetUserSummary, UserSummary?>
{
    public async Task<UserSummary?> Handle(GetUserSummary request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        return user?.ToSummary();
    }
}

internal sealed class GetUserSummariesHandler(IdentityDbContext db) : IRequestHandler<GetUserSummaries, IReadOnlyDictionary<Guid, UserSummary>>
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> Handle(GetUserSummaries request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.ToSummary());
    }
}

internal sealed class GetUserContactHandler(IdentityDbContext db) : IRequestHandler<GetUserContact, UserContact?>
{
    public async Task<UserContact?> Handle(GetUserContact request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null || user.Status == UserStatus.Deleted || string.IsNullOrWhiteSpace(user.ContactEmail)) return null;
        return new UserContact(user.Id, user.DisplayName, user.ContactEmail!);
    }
}

internal sealed class GetAnalyticsAllowedHandler(IdentityDbContext db) : IRequestHandler<GetAnalyticsAllowed, bool>
{
    public Task<bool> Handle(GetAnalyticsAllowed request, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().AnyAsync(u => u.Id == request.UserId && !u.AnalyticsOptOut && u.Status != UserStatus.Deleted, cancellationToken);
}
