using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.Matching.Features.Cv;
using TechInterviewCoach.Messaging.Contracts;

namespace TechInterviewCoach.Matching.Features.Access;

internal static class AccessWhat
{
    public const string Quiz = "quiz";
    public const string Cv = "cv";
}

/// <summary>A coachee's latest quiz as a coach with an active grant sees it (labels, not codes).</summary>
internal sealed record SharedQuiz(Guid CoacheeId, DateTime SubmittedAt, QuizAnswers Answers, bool HasCv, CvInfo? Cv);

/// <summary>Shows the coachee's quiz to the coach, and records the view. 404 unless a grant is active for exactly this pair.</summary>
internal sealed record ViewCoacheeQuiz(Guid CoachId, Guid CoacheeId) : IRequest<SharedQuiz>;
internal sealed record DownloadCoacheeCv(Guid CoachId, Guid CoacheeId) : IRequest<(CvInfo Info, byte[] Content)>;

internal sealed record AccessLogItem(Guid CoachId, string CoachName, string What, DateTime At);
internal sealed record GetMyDataAccess(Guid CoacheeId) : IRequest<IReadOnlyList<AccessLogItem>>;

internal static class Grants
{
    public static NotFoundException NotFound() => new("coachee_not_found", "Nothing to show here.");

    public static async Task EnsureActiveAsync(MatchingDbContext db, Guid coachId, Guid coacheeId, CancellationToken ct)
    {
        if (coachId == coacheeId || !await db.AccessGrants.AnyAsync(g => g.CoachId == coachId && g.CoacheeId == coacheeId && g.EndedAt == null, ct))
            throw NotFound();
    }
}

internal sealed class ViewCoacheeQuizHandler(MatchingDbContext db, TimeProvider time) : IRequestHandler<ViewCoacheeQuiz, SharedQuiz>
{
    public async Task<SharedQuiz> Handle(ViewCoacheeQuiz r, CancellationToken ct)
    {
        await Grants.EnsureActiveAsync(db, r.CoachId, r.CoacheeId, ct);
        var quiz = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == r.CoacheeId).OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("quiz_not_found", "This coachee has not submitted the quiz.");
        var cv = await db.Cvs.AsNoTracking().Where(c => c.UserId == r.CoacheeId).Select(c => new CvInfo(c.FileName, c.SizeBytes, c.UploadedAt)).SingleOrDefaultAsync(ct);
        db.AccessLog.Add(new AccessLogEntry { Id = Guid.CreateVersion7(), CoachId = r.CoachId, CoacheeId = r.CoacheeId, What = AccessWhat.Quiz, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return new SharedQuiz(r.CoacheeId, quiz.SubmittedAt, MatchingJson.Read<QuizAnswers>(quiz.AnswersJson), cv is not null, cv);
    }
}

internal sealed class DownloadCoacheeCvHandler(MatchingDbContext db, CvStore store, TimeProvider time) : IRequestHandler<DownloadCoacheeCv, (CvInfo Info, byte[] Content)>
{
    public async Task<(CvInfo Info, byte[] Content)> Handle(DownloadCoacheeCv r, CancellationToken ct)
    {
        await Grants.EnsureActiveAsync(db, r.CoachId, r.CoacheeId, ct);
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == r.CoacheeId, ct) ?? throw Grants.NotFound();
        var bytes = await store.ReadAsync(cv.StorageId, ct) ?? throw Grants.NotFound();
        db.AccessLog.Add(new AccessLogEntry { Id = Guid.CreateVersion7(), CoachId = r.CoachId, CoacheeId = r.CoacheeId, What = AccessWhat.Cv, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return (new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt), bytes);
    }
}

internal sealed class GetMyDataAccessHandler(MatchingDbContext db, IMediator mediator) : IRequestHandler<GetMyDataAccess, IReadOnlyList<AccessLogItem>>
{
    public async Task<IReadOnlyList<AccessLogItem>> Handle(GetMyDataAccess r, CancellationToken ct)
    {
        var log = await db.AccessLog.AsNoTracking().Where(a => a.CoacheeId == r.CoacheeId).OrderByDescending(a => a.At).Take(500).ToListAsync(ct);
        var names = log.Count == 0 ? new Dictionary<Guid, UserSummary>() : await mediator.Send(new GetUserSummaries(log.Select(a => a.CoachId).Distinct().ToList()), ct);
        return log.Select(a => new AccessLogItem(a.CoachId, names.TryGetValue(a.CoachId, out var n) ? n.DisplayName : "Deleted user", a.What, a.At)).ToList();
    }
}

/// <summary>Messaging: a coachee started a conversation with a coach, so that coach may see the quiz and CV. Idempotent.</summary>
internal sealed class ConversationStartedHandler(MatchingDbContext db) : INotificationHandler<ConversationStarted>
{
    public async Task Handle(ConversationStarted n, CancellationToken ct)
    {
        if (await db.AccessGrants.AnyAsync(g => g.ConversationId == n.ConversationId, ct)) return;
        db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(), ConversationId = n.ConversationId, CoacheeId = n.CoacheeId, CoachId = n.CoachId, GrantedAt = n.At });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.AccessGrants.AnyAsync(g => g.ConversationId == n.ConversationId, ct)) throw;
            // a concurrent delivery created it
        }
    }
}

/// <summary>Messaging: the coachee closed the conversation; the coach's access through it ends. A close that arrives first leaves an ended grant.</summary>
internal sealed class ConversationClosedHandler(MatchingDbContext db) : INotificationHandler<ConversationClosed>
{
    public async Task Handle(ConversationClosed n, CancellationToken ct)
    {
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.ConversationId == n.ConversationId, ct);
        if (grant is null)
            db.AccessGrants.Add(new AccessGrant { Id = Guid.CreateVersion7(), ConversationId = n.ConversationId, CoacheeId = n.CoacheeId, CoachId = n.CoachId, GrantedAt = n.At, EndedAt = n.At });
        else if (grant.EndedAt is null) grant.EndedAt = n.At;
        else return;
        await db.SaveChangesAsync(ct);
    }
}

internal static class AccessEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/coachees/{coacheeId:guid}/quiz", async Task<Ok<SharedQuiz>> (Guid coacheeId, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ViewCoacheeQuiz(user.GetUserId(), coacheeId), ct)))
            .RequireAuthorization()
            .WithSummary("A coachee's latest quiz, for the coach they started a conversation with (404 otherwise). Every view is logged.");
        api.MapGet("/coachees/{coacheeId:guid}/cv", async (Guid coacheeId, HttpContext http, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var (info, content) = await m.Send(new DownloadCoacheeCv(user.GetUserId(), coacheeId), ct);
                return CvEndpoints.PdfDownload(http, info, content);
            })
            .RequireAuthorization()
            .WithSummary("A coachee's CV as a PDF download, for the coach they started a conversation with (404 otherwise). Every download is logged.");
        api.MapGet("/my-data-access", async Task<Ok<IReadOnlyList<AccessLogItem>>> (ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMyDataAccess(user.GetUserId()), ct)))
            .RequireAuthorization()
            .WithSummary("Who has seen your quiz or CV, and when (UTC).");
    }
}
