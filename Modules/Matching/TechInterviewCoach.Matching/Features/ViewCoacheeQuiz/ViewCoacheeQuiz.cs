namespace TechInterviewCoach.Matching.Features;

/// <summary>Shows the coachee's quiz to the coach, and records the view. 404 unless a grant is active for exactly this pair.</summary>
internal sealed record ViewCoacheeQuiz(Guid CoachId, Guid CoacheeId) : IRequest<SharedQuiz>;

/// <summary>A coachee's latest quiz as a coach with an active grant sees it (labels, not codes).</summary>
internal sealed record SharedQuiz(Guid CoacheeId, DateTime SubmittedAt, QuizAnswers Answers, bool HasCv, CvInfo? Cv);

internal sealed class ViewCoacheeQuizHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<ViewCoacheeQuiz, SharedQuiz>
{
    public async Task<SharedQuiz> Handle(ViewCoacheeQuiz r, CancellationToken ct)
    {
        await ReleaseRule.EnsureActiveAsync(db, r.CoachId, r.CoacheeId, ct);
        var quiz = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == r.CoacheeId).OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("quiz_not_found", "This coachee has not submitted the quiz.");
        var cv = await db.Cvs.AsNoTracking().Where(c => c.UserId == r.CoacheeId).Select(c => new CvInfo(c.FileName, c.SizeBytes, c.UploadedAt)).SingleOrDefaultAsync(ct);
        db.AccessLog.Add(new AccessLogEntry { Id = Guid.CreateVersion7(), CoachId = r.CoachId, CoacheeId = r.CoacheeId, What = AccessWhat.Quiz, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return new SharedQuiz(r.CoacheeId, quiz.SubmittedAt, MatchingJson.Read<QuizAnswers>(quiz.AnswersJson), cv is not null, cv);
    }
}

internal static class ViewCoacheeQuizEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/coachees/{coacheeId:guid}/quiz", async Task<Ok<SharedQuiz>> (Guid coacheeId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ViewCoacheeQuiz(user.GetUserId(), coacheeId), ct)))
            .RequireAuthorization()
            .WithSummary("A coachee's latest quiz, for the coach they started a conversation with (404 otherwise). Every view is logged.");
}
