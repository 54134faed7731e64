namespace TechInterviewCoach.Identity.ContractHandlers;

internal sealed class GetUserSummariesHandler(IdentityDbContext db) : IRequestHandler<GetUserSummaries, IReadOnlyDictionary<Guid, UserSummary>>
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> Handle(GetUserSummaries request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.ToSummary());
    }
}
