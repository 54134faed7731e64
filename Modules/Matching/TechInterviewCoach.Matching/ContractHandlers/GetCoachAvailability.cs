namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Orders: the coach's weekly windows for booking.</summary>
internal sealed class GetCoachAvailabilityHandler(MatchingDbContext db) : IRequestHandler<GetCoachAvailability, CoachAvailability?>
{
    public async Task<CoachAvailability?> Handle(GetCoachAvailability request, CancellationToken ct)
    {
        var p = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        return p is null ? null : new CoachAvailability(p.CoachId, p.TimeZone, MatchingJson.Read<CoachDetails>(p.DetailsJson).Availability);
    }
}
