namespace TechInterviewCoach.Matching.Features;

/// <summary>The coachee's own quiz: the draft, or without one the latest submission, or an empty quiz.</summary>
internal sealed record ViewMyQuiz(Guid UserId) : IRequest<QuizView>;

/// <summary>The signed-in coachee's own quiz: the draft (or, without one, the latest submission) and when it was last submitted.</summary>
internal sealed record QuizView(int QuizVersion, QuizAnswers Answers, bool IsDraft, DateTime? LastSubmittedAt);

internal sealed class ViewMyQuizHandler(MatchingDbContext db) : IRequestHandler<ViewMyQuiz, QuizView>
{
    public async Task<QuizView> Handle(ViewMyQuiz request, CancellationToken ct)
    {
        var last = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == request.UserId)
            .OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct);
        var draft = await db.QuizDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == request.UserId, ct);
        if (draft is not null) return new QuizView(draft.QuizVersion, MatchingJson.Read<QuizAnswers>(draft.AnswersJson), true, last?.SubmittedAt);
        if (last is not null) return new QuizView(last.QuizVersion, MatchingJson.Read<QuizAnswers>(last.AnswersJson), false, last.SubmittedAt);
        return new QuizView(QuizDefinition.Version, new QuizAnswers(), true, null);
    }
}

internal static class ViewMyQuizEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/quiz/draft", async Task<Ok<QuizView>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ViewMyQuiz(user.GetUserId()), ct)))
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Your own quiz draft, or your latest submission when there is no draft.");
}
