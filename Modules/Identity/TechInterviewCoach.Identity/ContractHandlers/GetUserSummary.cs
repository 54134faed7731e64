namespace TechInterviewCoach.Identity.ContractHandlers;

internal sealed class GetUserSummaryHandler(IdentityDbContext db) : IRequestHandler<GetUserSummary, UserSummary?>
{
    public async Task<UserSummary?> Handle(GetUserSummary request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        return user?.ToSummary();
    }
}
