namespace TechInterviewCoach.Matching.Features;

/// <summary>What we read from the person's own CV, as they corrected it.</summary>
internal sealed record GetCvReading(Guid UserId) : IRequest<CvReadingView?>;

/// <summary>
/// The items read from a CV. <see cref="HasText"/> false: the PDF was a scan without text, nothing could be read.
/// <see cref="SeniorityLabel"/> is the seniority in words.
/// </summary>
internal sealed record CvReadingView(bool HasText, IReadOnlyList<string> Skills, IReadOnlyList<string> Employers, int? YearsOfExperience,
    string? Title, string? Seniority, string? SeniorityLabel, DateTime ReadAt, DateTime? CorrectedAt)
{
    public static CvReadingView Of(CvReading row)
    {
        var facts = row.Facts();
        return new(facts.HasText, facts.Skills, facts.Employers, facts.YearsOfExperience, facts.Title, facts.Seniority,
            facts.Seniority is null ? null : QuizDefinition.Label(QuizDefinition.Seniorities, facts.Seniority), row.ReadAt, row.CorrectedAt);
    }
}

internal sealed class GetCvReadingHandler(MatchingDbContext db) : IRequestHandler<GetCvReading, CvReadingView?>
{
    public async Task<CvReadingView?> Handle(GetCvReading request, CancellationToken ct) =>
        await db.CvReadings.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == request.UserId, ct) is { } row ? CvReadingView.Of(row) : null;
}

internal static class GetCvReadingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cv/reading", async Task<Results<Ok<CvReadingView>, NotFound>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetCvReading(user.GetUserId()), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("What we read from your CV (skills, past employers, years of experience, latest title, seniority); 404 without a CV.");
}
