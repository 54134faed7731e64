namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Messaging and Orders show coaches with their photo: one query for all the coaches on a page.</summary>
internal sealed class GetCoachPhotosHandler(MatchingDbContext db) : IRequestHandler<GetCoachPhotos, IReadOnlyDictionary<Guid, string>>
{
    public async Task<IReadOnlyDictionary<Guid, string>> Handle(GetCoachPhotos request, CancellationToken ct)
    {
        var ids = request.CoachIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        return await db.CoachPhotos.AsNoTracking().Where(p => ids.Contains(p.CoachId))
            .ToDictionaryAsync(p => p.CoachId, p => CoachPhotos.Url(p.CoachId, p.Version), ct);
    }
}
