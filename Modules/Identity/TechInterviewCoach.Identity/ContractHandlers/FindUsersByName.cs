namespace TechInterviewCoach.Identity.ContractHandlers;

internal sealed class FindUsersByNameHandler(IdentityDbContext db) : IRequestHandler<FindUsersByName, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(FindUsersByName request, CancellationToken ct)
    {
        var term = (request.Term ?? "").Trim().ToLowerInvariant();
        if (term.Length < 2) return [];
        return await db.Users.AsNoTracking()
            .Where(u => u.Status != UserStatus.Deleted && u.DisplayName.ToLower().Contains(term))
            .OrderBy(u => u.DisplayName).Select(u => u.Id).Take(Math.Clamp(request.Max, 1, 1000)).ToListAsync(ct);
    }
}
