namespace TechInterviewCoach.Identity.Data;

/// <summary>What other modules may know about a person (<see cref="UserSummary"/>): a deleted person shows as "Deleted user".</summary>
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
