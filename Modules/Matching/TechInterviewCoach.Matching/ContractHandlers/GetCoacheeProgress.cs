namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Identity's start page: whether the coachee submitted the quiz and uploaded a CV.</summary>
internal sealed class GetCoacheeProgressHandler(MatchingDbContext db) : IRequestHandler<GetCoacheeProgress, CoacheeProgress>
{
    public async Task<CoacheeProgress> Handle(GetCoacheeProgress request, CancellationToken ct) => new(
        await db.QuizSubmissions.AnyAsync(s => s.UserId == request.CoacheeId, ct),
        await db.Cvs.AnyAsync(f => f.UserId == request.CoacheeId, ct));
}
