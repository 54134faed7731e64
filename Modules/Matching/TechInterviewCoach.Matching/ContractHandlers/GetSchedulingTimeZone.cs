namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>The zone a person gave for scheduling: their coach profile's, else their latest quiz's.</summary>
internal sealed class GetSchedulingTimeZoneHandler(MatchingDbContext db) : IRequestHandler<GetSchedulingTimeZone, string?>
{
    public async Task<string?> Handle(GetSchedulingTimeZone request, CancellationToken ct)
    {
        var coachZone = await db.CoachProfiles.AsNoTracking().Where(p => p.CoachId == request.UserId).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(coachZone)) return coachZone;
        var quiz = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == request.UserId)
            .OrderByDescending(s => s.SubmittedAt).Select(s => s.AnswersJson).FirstOrDefaultAsync(ct);
        return quiz is null ? null : MatchingJson.Read<QuizAnswers>(quiz).TimeZone;
    }
}
