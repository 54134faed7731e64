namespace TechInterviewCoach.Identity.ContractHandlers;

internal sealed class GetUserContactHandler(IdentityDbContext db) : IRequestHandler<GetUserContact, UserContact?>
{
    public async Task<UserContact?> Handle(GetUserContact request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        if (user is null || user.Status == UserStatus.Deleted || string.IsNullOrWhiteSpace(user.ContactEmail)) return null;
        return new UserContact(user.Id, user.DisplayName, user.ContactEmail!);
    }
}
