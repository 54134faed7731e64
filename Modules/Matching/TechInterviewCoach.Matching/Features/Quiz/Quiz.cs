using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Matching.Features.Quiz;

/// <summary>The signed-in coachee's own quiz: the draft (or, without one, the latest submission) and when it was last submitted.</summary>
internal sealed record QuizView(int QuizVersion, QuizAnswers Answers, bool IsDraft, DateTime? LastSubmittedAt);

internal sealed record GetMyQuiz(Guid UserId) : IRequest<QuizView>;
internal sealed record SaveQuizDraft(Guid UserId, QuizAnswers Answers) : IRequest<Unit>;
internal sealed record SubmitQuiz(Guid UserId, QuizAnswers Answers) : IRequest<Unit>;

/// <summary>Checks one set of answers against the quiz definition. Property names are the answers' own, so pages and the API name fields alike.</summary>
internal sealed class QuizAnswersValidator : AbstractValidator<QuizAnswers>
{
    public QuizAnswersValidator() : this(null) { }

    public QuizAnswersValidator(DateOnly? today)
    {
        RuleFor(a => a.TargetRoles).NotEmpty().WithMessage("Choose at least one target role.");
        RuleForEach(a => a.TargetRoles).Must(r => QuizDefinition.Allowed(QuizDefinition.Roles, r)).WithMessage("Choose roles from the list.");
        RuleFor(a => a.Seniority).NotEmpty().WithMessage("Choose your seniority.")
            .Must(s => QuizDefinition.Allowed(QuizDefinition.Seniorities, s)).When(a => !string.IsNullOrEmpty(a.Seniority), ApplyConditionTo.CurrentValidator).WithMessage("Choose a seniority from the list.");
        RuleFor(a => a.TargetCompanies).Must(c => c.Count <= QuizDefinition.MaxCompanies).WithMessage($"Name at most {QuizDefinition.MaxCompanies} companies.");
        RuleForEach(a => a.TargetCompanies).NotEmpty().MaximumLength(QuizDefinition.MaxCompanyLength)
            .WithMessage($"Each company name is 1 to {QuizDefinition.MaxCompanyLength} characters.");
        if (today is { } t)
            RuleFor(a => a.InterviewDate).Must(d => d is null || d >= t).WithMessage("The interview date cannot be in the past.");
        RuleFor(a => a.InterviewTypes).NotEmpty().WithMessage("Choose at least one interview type.");
        RuleForEach(a => a.InterviewTypes).Must(x => QuizDefinition.Allowed(QuizDefinition.InterviewTypes, x)).WithMessage("Choose interview types from the list.");
        RuleForEach(a => a.FocusAreas).Must(x => QuizDefinition.Allowed(QuizDefinition.FocusAreas, x)).WithMessage("Choose focus areas from the list.");
        RuleFor(a => a.Languages).NotEmpty().WithMessage("Choose at least one language you speak.");
        RuleForEach(a => a.Languages).Must(x => QuizDefinition.Allowed(QuizDefinition.Languages, x)).WithMessage("Choose languages from the list.");
        RuleFor(a => a.TimeZone).NotEmpty().WithMessage("Choose your time zone.")
            .Must(UserTime.IsKnown).When(a => !string.IsNullOrEmpty(a.TimeZone), ApplyConditionTo.CurrentValidator).WithMessage("Choose a time zone from the list (e.g. Europe/Berlin).");
        RuleFor(a => a.BudgetCurrency).Must(Currencies.IsSupported).WithMessage("Choose a supported currency.");
        RuleFor(a => a.BudgetMinor).NotNull().WithMessage("Give a budget per session.")
            .Must((a, b) => b is null || (b > 0 && b <= QuizDefinition.MaxBudgetMajor * Pow10(a.BudgetCurrency)))
            .WithMessage($"The budget per session must be above zero and at most {QuizDefinition.MaxBudgetMajor:N0}.");
        RuleFor(a => a.Availability).NotEmpty().WithMessage("Add at least one weekly window when you can meet.")
            .Must(w => w.Count <= QuizDefinition.MaxWindows).WithMessage($"Add at most {QuizDefinition.MaxWindows} weekly windows.");
        RuleForEach(a => a.Availability).ChildRules(w =>
        {
            w.RuleFor(x => x.Day).IsInEnum().WithMessage("Choose a day.");
            w.RuleFor(x => x.End).Must((x, end) => end == TimeOnly.MinValue || end > x.Start).WithMessage("A window must end after it starts.");
        });
    }

    private static long Pow10(string? currency) => currency is not null && Currencies.IsSupported(currency) ? (long)Math.Pow(10, Currencies.Exponent(currency)) : 100;
}

internal static class QuizRules
{
    public static QuizAnswers Normalise(QuizAnswers a) => a with
    {
        TargetRoles = a.TargetRoles.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        TargetCompanies = a.TargetCompanies.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        InterviewTypes = a.InterviewTypes.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        FocusAreas = a.FocusAreas.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        Languages = a.Languages.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
        BudgetCurrency = a.BudgetCurrency?.Trim().ToUpperInvariant(),
        TimeZone = a.TimeZone?.Trim(),
    };

    public static DateOnly Today(DateTime utcNow, string? timeZone) =>
        DateOnly.FromDateTime(UserTime.ToLocal(utcNow, UserTime.Find(timeZone)));
}

internal sealed class GetMyQuizHandler(MatchingDbContext db) : IRequestHandler<GetMyQuiz, QuizView>
{
    public async Task<QuizView> Handle(GetMyQuiz request, CancellationToken ct)
    {
        var last = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == request.UserId)
            .OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct);
        var draft = await db.QuizDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == request.UserId, ct);
        if (draft is not null) return new QuizView(draft.QuizVersion, MatchingJson.Read<QuizAnswers>(draft.AnswersJson), true, last?.SubmittedAt);
        if (last is not null) return new QuizView(last.QuizVersion, MatchingJson.Read<QuizAnswers>(last.AnswersJson), false, last.SubmittedAt);
        return new QuizView(QuizDefinition.Version, new QuizAnswers(), true, null);
    }
}

internal sealed class SaveQuizDraftHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SaveQuizDraft, Unit>
{
    public async Task<Unit> Handle(SaveQuizDraft request, CancellationToken ct)
    {
        var json = MatchingJson.Write(QuizRules.Normalise(request.Answers));
        if (json.Length > 20_000) throw new BuildingBlocks.Application.InputException("quiz_too_large", "answers", "The answers are too long.");
        // Two saves at once (a double-click) both find no draft; the second's insert is retried as an update.
        await db.RetryOnRaceAsync(async c =>
        {
            var draft = await db.QuizDrafts.SingleOrDefaultAsync(d => d.UserId == request.UserId, c);
            if (draft is null) db.QuizDrafts.Add(draft = new QuizDraft { UserId = request.UserId });
            draft.QuizVersion = QuizDefinition.Version;
            draft.AnswersJson = json;
            draft.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(c);
        }, ct);
        return Unit.Value;
    }
}

internal sealed class SubmitQuizHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SubmitQuiz, Unit>
{
    public async Task<Unit> Handle(SubmitQuiz request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answers = QuizRules.Normalise(request.Answers);
        var result = await new QuizAnswersValidator(QuizRules.Today(now.UtcDateTime, answers.TimeZone)).ValidateAsync(answers, ct);
        if (!result.IsValid) throw new ValidationException(result.Errors);

        // Two submits at once both remove the draft; the second's delete finds no row and is retried without it.
        await db.RetryOnRaceAsync(async c =>
        {
            var earlier = await db.QuizSubmissions.CountAsync(s => s.UserId == request.UserId, c);
            db.QuizSubmissions.Add(new QuizSubmission
            {
                Id = Guid.CreateVersion7(), UserId = request.UserId, QuizVersion = QuizDefinition.Version,
                AnswersJson = MatchingJson.Write(answers), SubmittedAt = now.UtcDateTime,
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

internal static class QuizEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/quiz/definition", () => TypedResults.Ok(QuizDefinition.Describe()))
            .WithSummary("The quiz as data: questions, options, ranges and version.");
        api.MapGet("/quiz/draft", async Task<Ok<QuizView>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMyQuiz(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Your own quiz draft, or your latest submission when there is no draft.");
        api.MapPut("/quiz/draft", async Task<NoContent> (QuizAnswers body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SaveQuizDraft(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Saves a partial quiz as your draft.");
        api.MapPost("/quiz/submit", async Task<NoContent> (QuizAnswers body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SubmitQuiz(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Submits the quiz; 400 with an error per question when answers are missing or out of range.");
    }
}
