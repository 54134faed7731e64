namespace TechInterviewCoach.Matching.Features;

/// <summary>The items a person keeps of what we read from their CV: the whole list replaces the reading, and counts at once.</summary>
internal sealed record CvReadingInput
{
    public List<string> Skills { get; init; } = [];
    public List<string> Employers { get; init; } = [];
    public int? YearsOfExperience { get; init; }
    public string? Title { get; init; }
    public string? Seniority { get; init; }
}

/// <summary>The coachee corrects, removes or adds items of what we read from their CV (skills only from the vocabulary).</summary>
internal sealed record CorrectCvReading(Guid UserId, CvReadingInput Input) : IRequest<CvReadingView>;

internal sealed class CorrectCvReadingValidator : AbstractValidator<CorrectCvReading>
{
    public CorrectCvReadingValidator()
    {
        RuleFor(r => r.Input.Skills).Must(s => s.Count <= CvReader.MaxSkills).WithMessage($"Keep at most {CvReader.MaxSkills} skills.").OverridePropertyName("skills");
        RuleForEach(r => r.Input.Skills).Must(s => Vocabulary.Skills.Find(s) is not null)
            .WithMessage((_, s) => $"“{s}” is not in our list of skills and technologies; choose one from the suggestions.").OverridePropertyName("skills");
        RuleFor(r => r.Input.Employers).Must(e => e.Count <= CvReader.MaxEmployers).WithMessage($"Keep at most {CvReader.MaxEmployers} employers.").OverridePropertyName("employers");
        RuleForEach(r => r.Input.Employers).Must(e => !string.IsNullOrWhiteSpace(e) && e.Trim().Length <= QuizDefinition.MaxCompanyLength)
            .WithMessage($"A company name has 1 to {QuizDefinition.MaxCompanyLength} characters.").OverridePropertyName("employers");
        RuleFor(r => r.Input.YearsOfExperience).InclusiveBetween(0, 60).When(r => r.Input.YearsOfExperience is not null)
            .WithMessage("Years of experience is 0 to 60.").OverridePropertyName("yearsOfExperience");
        RuleFor(r => r.Input.Title).MaximumLength(CvReader.MaxTitleLength).WithMessage($"A title has at most {CvReader.MaxTitleLength} characters.").OverridePropertyName("title");
        RuleFor(r => r.Input.Seniority).Must(s => s is null || QuizDefinition.Allowed(QuizDefinition.Seniorities, s))
            .WithMessage("Choose a seniority from the list.").OverridePropertyName("seniority");
    }
}

internal sealed class CorrectCvReadingHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<CorrectCvReading, CvReadingView>
{
    public async Task<CvReadingView> Handle(CorrectCvReading request, CancellationToken ct)
    {
        var row = await db.CvReadings.FindAsync([request.UserId], ct)
                  ?? throw new ConflictException("cv_not_uploaded", "Upload your CV first: these items are read from it.");
        var i = request.Input;
        row.Apply(new CvFacts
        {
            HasText = row.HasText,
            // Written as the vocabulary names them ("k8s" is kept as Kubernetes), each once, in the person's order.
            Skills = i.Skills.Select(s => Vocabulary.Skills.Find(s)!.Name).Distinct().ToList(),
            Employers = i.Employers.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            YearsOfExperience = i.YearsOfExperience,
            Title = string.IsNullOrWhiteSpace(i.Title) ? null : i.Title.Trim(),
            Seniority = i.Seniority,
        });
        row.CorrectedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return CvReadingView.Of(row);
    }
}

internal static class CorrectCvReadingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/cv/reading", async Task<Ok<CvReadingView>> (CvReadingInput body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CorrectCvReading(user.GetUserId(), body), ct)))
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Replaces what we read from your CV with the items you keep (skills from GET /api/matching/cv/skills); ranking uses them at once.");
}
