namespace TechInterviewCoach.Matching.Features;

/// <summary>A coachee submits the quiz: the answers, normalised, become their latest submission and replace the draft.</summary>
internal sealed record SubmitQuiz : QuizAnswers, IRequest<Unit>
{
    public SubmitQuiz(Guid userId, QuizAnswers answers) : base(QuizRules.Normalise(answers)) => UserId = userId;

    public Guid UserId { get; }
}

/// <summary>Checks the answers against the quiz definition. Property names are the answers' own, so pages and the API name fields alike.</summary>
internal sealed class SubmitQuizValidator : AbstractValidator<SubmitQuiz>
{
    public SubmitQuizValidator(TimeProvider time)
    {
        RuleFor(a => a.TargetRoles).NotEmpty().WithMessage("Choose at least one target role.");
        RuleForEach(a => a.TargetRoles).Must(r => QuizDefinition.Allowed(QuizDefinition.Roles, r)).WithMessage("Choose roles from the list.");
        RuleFor(a => a.Seniority).NotEmpty().WithMessage("Choose your seniority.")
            .Must(s => QuizDefinition.Allowed(QuizDefinition.Seniorities, s)).When(a => !string.IsNullOrEmpty(a.Seniority), ApplyConditionTo.CurrentValidator).WithMessage("Choose a seniority from the list.");
        RuleFor(a => a.TargetCompanies).Must(c => c.Count <= QuizDefinition.MaxCompanies).WithMessage($"Name at most {QuizDefinition.MaxCompanies} companies.");
        RuleForEach(a => a.TargetCompanies).NotEmpty().MaximumLength(QuizDefinition.MaxCompanyLength)
            .WithMessage($"Each company name is 1 to {QuizDefinition.MaxCompanyLength} characters.");
        RuleFor(a => a.InterviewDate).Must((a, d) => d is null || d >= QuizRules.Today(time.GetUtcNow().UtcDateTime, a.TimeZone))
            .WithMessage("The interview date cannot be in the past.");
        RuleFor(a => a.InterviewTypes).NotEmpty().WithMessage("Choose at least one interview type.");
        RuleForEach(a => a.InterviewTypes).Must(x => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, x)).WithMessage("Choose interview types from the list.");
        RuleForEach(a => a.FocusAreas).Must(x => QuizDefinition.Allowed(QuizDefinition.FocusAreas, x)).WithMessage("Choose focus areas from the list.");
        RuleFor(a => a.Languages).NotEmpty().WithMessage("Choose at least one language you speak.");
        RuleForEach(a => a.Languages).Must(x => QuizDefinition.Allowed(QuizDefinition.Languages, x)).WithMessage("Choose languages from the list.");
        RuleFor(a => a.TimeZone).NotEmpty().WithMessage("Choose your time zone.")
            .Must(UserTime.IsKnown).When(a => !string.IsNullOrEmpty(a.TimeZone), ApplyConditionTo.CurrentValidator).WithMessage("Choose a time zone from the list (e.g. Europe/Berlin).");
        RuleFor(a => a.BudgetCurrency).Must(Currencies.IsSupported).WithMessage("Choose a supported currency.");
        RuleFor(a => a.BudgetMinor).NotNull().WithMessage("Give a budget per session.")
            .Must((a, b) => b is null || (b > 0 && b <= QuizDefinition.MaxBudgetMajor * (a.BudgetCurrency is { } c ? Currencies.MinorPerMajor(c) : 100)))
            .WithMessage($"The budget per session must be above zero and at most {QuizDefinition.MaxBudgetMajor:N0}.");
        RuleFor(a => a.Availability).NotEmpty().WithMessage("Add at least one weekly window when you can meet.")
            .Must(w => w.Count <= QuizDefinition.MaxWindows).WithMessage($"Add at most {QuizDefinition.MaxWindows} weekly windows.");
        RuleForEach(a => a.Availability).SetValidator(new WeeklyWindowValidator());
    }
}

internal sealed class SubmitQuizHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SubmitQuiz, Unit>
{
    public async Task<Unit> Handle(SubmitQuiz request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var json = MatchingJson.Write<QuizAnswers>(request); // the answers only, not who sent them
        // Two submits at once both remove the draft; the second's delete finds no row and is retried without it.
        await db.RetryOnRaceAsync(async c =>
        {
            var earlier = await db.QuizSubmissions.CountAsync(s => s.UserId == request.UserId, c);
            db.QuizSubmissions.Add(new QuizSubmission
            {
                Id = Guid.CreateVersion7(), UserId = request.UserId, QuizVersion = QuizDefinition.Version,
                AnswersJson = json, SubmittedAt = now.UtcDateTime,
            });
            var draft = await db.QuizDrafts.SingleOrDefaultAsync(d => d.UserId == request.UserId, c);
            if (draft is not null) db.QuizDrafts.Remove(draft);
            // No answers in analytics: only that the quiz was completed, and how many times (properties from the analytics allow-list).
            db.Enqueue(new TrackEvent(request.UserId, AnalyticsEvents.QuizCompleted, new Dictionary<string, string>
            {
                ["count"] = (earlier + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["source"] = $"quiz_v{QuizDefinition.Version}",
            }), now);
            await db.SaveChangesAsync(c);
        }, ct);
        return Unit.Value;
    }
}

internal static class SubmitQuizEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/quiz/submit", async Task<NoContent> (QuizAnswers body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SubmitQuiz(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Submits the quiz; 400 with an error per question when answers are missing or out of range.");
}
