namespace TechInterviewCoach.Matching.Features;

/// <summary>A coach's profile as they fill it in (the API's body, and what <see cref="ViewMyCoachProfile"/> shows back).</summary>
internal record ProfileInput
{
    public string Headline { get; init; } = "";
    public string Bio { get; init; } = "";
    public int YearsOfExperience { get; init; }
    public List<string> Companies { get; init; } = [];
    /// <summary>Companies the coach has interviewed for, as an interviewer or a candidate, as typed (the profile page suggests names from Companies.csv).</summary>
    public List<string> InterviewedFor { get; init; } = [];
    /// <summary>Skills and technologies coached, from the vocabulary (GET /api/matching/cv/skills); aliases are accepted.</summary>
    public List<string> Skills { get; init; } = [];
    public List<string> Roles { get; init; } = [];
    public List<string> InterviewTypes { get; init; } = [];
    public Dictionary<string, int> CoachedCounts { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public string TimeZone { get; init; } = "";
    public List<WeeklyWindow> Availability { get; init; } = [];
    /// <summary>Show the profile in the directory (it is listed only while payouts are enabled and a listing is published).</summary>
    public bool IsPublished { get; init; } = true;
}

/// <summary>A coach creates or updates their profile; the input is trimmed and de-duplicated before it is validated.</summary>
internal sealed record SaveCoachProfile : ProfileInput, IRequest<Unit>
{
    public SaveCoachProfile(Guid coachId, ProfileInput input) : base(Normalise(input)) => CoachId = coachId;

    public Guid CoachId { get; }

    private static ProfileInput Normalise(ProfileInput i) => i with
    {
        Headline = i.Headline?.Trim() ?? "", Bio = i.Bio?.Trim() ?? "", TimeZone = i.TimeZone?.Trim() ?? "",
        Companies = (i.Companies ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        // A name of the vocabulary in any case is written as the vocabulary writes it ("google" → "Google").
        InterviewedFor = (i.InterviewedFor ?? []).Select(c => c.Trim()).Where(c => c.Length > 0)
            .Select(c => Vocabulary.Companies.Find(c)?.Name is { } name && name.Equals(c, StringComparison.OrdinalIgnoreCase) ? name : c)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        Skills = (i.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
        Roles = (i.Roles ?? []).Distinct().ToList(), InterviewTypes = (i.InterviewTypes ?? []).Distinct().ToList(),
        Languages = (i.Languages ?? []).Distinct().ToList(), CoachedCounts = i.CoachedCounts ?? [], Availability = i.Availability ?? [],
    };
}

internal sealed class SaveCoachProfileValidator : AbstractValidator<SaveCoachProfile>
{
    public const int MaxInterviewedFor = 20;

    public SaveCoachProfileValidator()
    {
        RuleFor(p => p.Headline).NotEmpty().WithMessage("Write a headline.").MaximumLength(160);
        RuleFor(p => p.Bio).MaximumLength(4000);
        RuleFor(p => p.YearsOfExperience).InclusiveBetween(0, 60).WithMessage("Years of experience is 0 to 60.");
        RuleFor(p => p.Companies).Must(c => c.Count <= 20).WithMessage("Name at most 20 companies.");
        RuleForEach(p => p.Companies).NotEmpty().MaximumLength(80);
        RuleFor(p => p.InterviewedFor).Must(c => c.Count <= MaxInterviewedFor).WithMessage($"Name at most {MaxInterviewedFor} companies you have interviewed for.");
        RuleForEach(p => p.InterviewedFor).MaximumLength(QuizDefinition.MaxCompanyLength)
            .WithMessage($"A company you have interviewed for has at most {QuizDefinition.MaxCompanyLength} characters.");
        RuleFor(p => p.Skills).Must(s => s.Count <= 30).WithMessage("Name at most 30 skills and technologies.");
        RuleForEach(p => p.Skills).Must(s => Vocabulary.Skills.Find(s) is not null)
            .WithMessage((_, s) => $"“{s}” is not in our list of skills and technologies; choose one from the suggestions.");
        RuleFor(p => p.Roles).NotEmpty().WithMessage("Choose at least one role you coach.");
        RuleForEach(p => p.Roles).Must(r => QuizDefinition.Allowed(QuizDefinition.Roles, r)).WithMessage("Choose roles from the list.");
        RuleFor(p => p.InterviewTypes).NotEmpty().WithMessage("Choose at least one interview type you coach.");
        RuleForEach(p => p.InterviewTypes).Must(r => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, r)).WithMessage("Choose interview types from the list.");
        RuleFor(p => p.CoachedCounts).Must(c => c.All(kv => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, kv.Key) && kv.Value is >= 0 and <= 100_000))
            .WithMessage("People coached is a number from 0 to 100,000 per interview type.");
        RuleFor(p => p.Languages).NotEmpty().WithMessage("Choose at least one language.");
        RuleForEach(p => p.Languages).Must(r => QuizDefinition.Allowed(QuizDefinition.Languages, r)).WithMessage("Choose languages from the list.");
        RuleFor(p => p.TimeZone).Must(UserTime.IsKnown).WithMessage("Choose a time zone from the list (e.g. Europe/Berlin).");
        RuleFor(p => p.Availability).Must(w => w.Count <= 28).WithMessage("Add at most 28 weekly windows.");
        RuleForEach(p => p.Availability).SetValidator(new WeeklyWindowValidator());
    }
}

internal sealed class SaveCoachProfileHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SaveCoachProfile, Unit>
{
    public async Task<Unit> Handle(SaveCoachProfile i, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Two saves at once both find no profile; the second insert is retried as an update.
        await db.RetryOnRaceAsync(async c =>
        {
            var p = await db.CoachProfiles.FindAsync([i.CoachId], c);
            if (p is null) db.CoachProfiles.Add(p = new CoachProfile { CoachId = i.CoachId });
            p.Headline = i.Headline;
            p.Bio = i.Bio;
            p.YearsOfExperience = i.YearsOfExperience;
            p.TimeZone = i.TimeZone;
            p.IsPublished = i.IsPublished;
            p.DetailsJson = MatchingJson.Write(new CoachDetails
            {
                Companies = i.Companies, InterviewedFor = i.InterviewedFor, Roles = i.Roles, Skills = i.Skills.Select(s => Vocabulary.Skills.Find(s)!.Name).Distinct().ToList(), InterviewTypes = i.InterviewTypes, Languages = i.Languages, Availability = i.Availability,
                CoachedCounts = i.CoachedCounts.Where(kv => kv.Value > 0 && i.InterviewTypes.Contains(kv.Key)).ToDictionary(),
            });
            p.UpdatedAt = now.UtcDateTime;
            await ListedState.RefreshAsync(db, i.CoachId, now, c);
            await db.SaveAndBumpAsync(c);
        }, ct);
        return Unit.Value;
    }
}

internal static class SaveCoachProfileEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/coach/profile", async Task<NoContent> (ProfileInput body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SaveCoachProfile(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coach).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Creates or updates your coach profile.");
}
