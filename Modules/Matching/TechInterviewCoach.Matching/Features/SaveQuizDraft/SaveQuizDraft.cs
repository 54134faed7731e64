namespace TechInterviewCoach.Matching.Features;

/// <summary>A coachee saves a partial quiz as their draft (one per person); nothing is required yet.</summary>
internal sealed record SaveQuizDraft(Guid UserId, QuizAnswers Answers) : IRequest<Unit>;

internal sealed class SaveQuizDraftHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<SaveQuizDraft, Unit>
{
    public async Task<Unit> Handle(SaveQuizDraft request, CancellationToken ct)
    {
        var json = MatchingJson.Write(QuizRules.Normalise(request.Answers));
        if (json.Length > 20_000) throw new InputException("quiz_too_large", "answers", "The answers are too long.");
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

internal static class SaveQuizDraftEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/quiz/draft", async Task<NoContent> (QuizAnswers body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SaveQuizDraft(user.GetUserId(), body), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Saves a partial quiz as your draft.");
}
