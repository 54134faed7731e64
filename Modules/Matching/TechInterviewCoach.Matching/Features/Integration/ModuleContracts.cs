using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.Matching.Features.Coaches;
using TechInterviewCoach.Matching.Features.Cv;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Features.Integration;

internal sealed class GetListingForPurchaseHandler(MatchingDbContext db) : IRequestHandler<GetListingForPurchase, ListingForPurchase?>
{
    public async Task<ListingForPurchase?> Handle(GetListingForPurchase request, CancellationToken ct)
    {
        var l = await db.Listings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.ListingId, ct);
        if (l is null) return null;
        var listed = await db.CoachProfiles.AnyAsync(p => p.CoachId == l.CoachId && p.IsListed, ct);
        return new ListingForPurchase(l.Id, l.CoachId, l.Title, l.Kind, l.Sessions, l.SessionMinutes, l.PriceMinor, l.Currency, l.IsPublished, listed);
    }
}

internal sealed class GetCoachAvailabilityHandler(MatchingDbContext db) : IRequestHandler<GetCoachAvailability, CoachAvailability?>
{
    public async Task<CoachAvailability?> Handle(GetCoachAvailability request, CancellationToken ct)
    {
        var p = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        return p is null ? null : new CoachAvailability(p.CoachId, p.TimeZone, MatchingJson.Read<CoachDetails>(p.DetailsJson).Availability);
    }
}

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

internal sealed class GetCoacheeProgressHandler(MatchingDbContext db) : IRequestHandler<GetCoacheeProgress, CoacheeProgress>
{
    public async Task<CoacheeProgress> Handle(GetCoacheeProgress request, CancellationToken ct) => new(
        await db.QuizSubmissions.AnyAsync(s => s.UserId == request.CoacheeId, ct),
        await db.Cvs.AnyAsync(f => f.UserId == request.CoacheeId, ct));
}

internal sealed class GetCoachSummaryHandler(MatchingDbContext db, IMediator mediator) : IRequestHandler<GetCoachSummary, CoachSummary?>
{
    public async Task<CoachSummary?> Handle(GetCoachSummary request, CancellationToken ct)
    {
        var p = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.CoachId == request.CoachId, ct);
        if (p is null) return null;
        var user = await mediator.Send(new GetUserSummary(request.CoachId), ct);
        return new CoachSummary(p.CoachId, user?.DisplayName ?? "Coach", p.Headline, p.IsListed);
    }
}

internal sealed class ExportMatchingDataHandler(MatchingDbContext db, CvStore store) : IRequestHandler<ExportMatchingData, PersonalDataPart>
{
    public async Task<PersonalDataPart> Handle(ExportMatchingData request, CancellationToken ct)
    {
        var id = request.UserId;
        var submissions = await db.QuizSubmissions.AsNoTracking().Where(s => s.UserId == id).OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        var draft = await db.QuizDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == id, ct);
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == id, ct);
        var reading = await db.CvReadings.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == id, ct);
        var log = await db.AccessLog.AsNoTracking().Where(a => a.CoacheeId == id).OrderBy(a => a.At).ToListAsync(ct);
        var grants = await db.AccessGrants.AsNoTracking().Where(g => g.CoacheeId == id || g.CoachId == id).OrderBy(g => g.GrantedAt).ToListAsync(ct);
        var profile = await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.CoachId == id, ct);
        var listings = await db.Listings.AsNoTracking().Where(l => l.CoachId == id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var files = new List<PersonalDataFile>();
        if (cv is not null && await store.ReadAsync(cv.StorageId, ct) is { } bytes)
            files.Add(new PersonalDataFile("cv.pdf", "application/pdf", bytes));
        return new PersonalDataPart("matching", new
        {
            quizSubmissions = submissions.Select(s => new { s.SubmittedAt, s.QuizVersion, answers = MatchingJson.Read<QuizAnswers>(s.AnswersJson) }),
            quizDraft = draft is null ? null : new { draft.UpdatedAt, draft.QuizVersion, answers = MatchingJson.Read<QuizAnswers>(draft.AnswersJson) },
            cv = cv is null ? null : new { cv.FileName, cv.SizeBytes, cv.UploadedAt, file = "cv.pdf" },
            cvReading = reading is null ? null : CvReadingView.Of(reading),
            accessLog = log.Select(a => new { a.CoachId, a.What, a.At }),
            accessGrants = grants.Select(g => new { g.CoacheeId, g.CoachId, g.ConversationId, g.GrantedAt, g.EndedAt }),
            coachProfile = profile is null ? null : new
            {
                profile.Headline, profile.Bio, profile.YearsOfExperience, profile.TimeZone, profile.IsPublished,
                details = MatchingJson.Read<CoachDetails>(profile.DetailsJson),
            },
            listings = listings.Select(l => l.ToView()),
        }, files);
    }
}

/// <summary>Orders: a coach is listed only while payouts are enabled.</summary>
internal sealed class CoachPayoutStatusChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<CoachPayoutStatusChanged>
{
    public async Task Handle(CoachPayoutStatusChanged n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.CoachId, ct);
        status.PayoutsEnabled = n.PayoutsEnabled;
        status.UpdatedAt = n.At;
        await ListedState.RefreshAsync(db, n.CoachId, time.GetUtcNow(), ct);
        await db.SaveAndBumpAsync(ct);
    }
}

/// <summary>Identity: a suspended coach is not listed.</summary>
internal sealed class UserSuspensionChangedHandler(MatchingDbContext db, TimeProvider time) : INotificationHandler<UserSuspensionChanged>
{
    public async Task Handle(UserSuspensionChanged n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.UserId, ct);
        status.IsSuspended = n.Suspended;
        status.UpdatedAt = n.At;
        await ListedState.RefreshAsync(db, n.UserId, time.GetUtcNow(), ct);
        await db.SaveAndBumpAsync(ct);
    }
}

/// <summary>Messaging: a coach's responsiveness counts in the rank.</summary>
internal sealed class CoachResponsivenessMeasuredHandler(MatchingDbContext db) : INotificationHandler<CoachResponsivenessMeasured>
{
    public async Task Handle(CoachResponsivenessMeasured n, CancellationToken ct)
    {
        var status = await ListedState.StatusAsync(db, n.CoachId, ct);
        if (db.Entry(status).State != EntityState.Added && status.UpdatedAt > n.At && status.MedianFirstReplyMinutes is not null) return; // an older measurement
        status.MedianFirstReplyMinutes = n.MedianFirstReplyMinutes;
        status.AnsweredConversations = n.AnsweredConversations;
        status.OverdueConversations = n.OverdueConversations;
        status.UpdatedAt = n.At;
        await db.SaveAndBumpAsync(ct);
    }
}

/// <summary>
/// Identity: the person deleted their account. Quiz, drafts, CV (row and file), their grants and their access log go;
/// coaches' access to them ends with the grants. A coach profile is emptied and delisted, its listings unpublished
/// (listing rows stay for the order records that point at them). Idempotent.
/// </summary>
internal sealed class UserDeletedHandler(MatchingDbContext db, CvStore store, TimeProvider time) : INotificationHandler<UserDeleted>
{
    public async Task Handle(UserDeleted n, CancellationToken ct)
    {
        var id = n.UserId;
        db.QuizDrafts.RemoveRange(await db.QuizDrafts.Where(x => x.UserId == id).ToListAsync(ct));
        db.QuizSubmissions.RemoveRange(await db.QuizSubmissions.Where(x => x.UserId == id).ToListAsync(ct));
        var cv = await db.Cvs.SingleOrDefaultAsync(x => x.UserId == id, ct);
        if (cv is not null) db.Cvs.Remove(cv);
        db.CvReadings.RemoveRange(await db.CvReadings.Where(x => x.UserId == id).ToListAsync(ct));
        db.AccessGrants.RemoveRange(await db.AccessGrants.Where(g => g.CoacheeId == id).ToListAsync(ct));
        db.AccessLog.RemoveRange(await db.AccessLog.Where(a => a.CoacheeId == id).ToListAsync(ct));
        foreach (var g in await db.AccessGrants.Where(g => g.CoachId == id && g.EndedAt == null).ToListAsync(ct)) g.EndedAt = n.At;

        var profile = await db.CoachProfiles.FindAsync([id], ct);
        if (profile is not null || await db.CoachStatuses.AnyAsync(s => s.CoachId == id, ct))
        {
            var status = await ListedState.StatusAsync(db, id, ct);
            status.IsDeleted = true;
            status.MedianFirstReplyMinutes = null;
            status.UpdatedAt = n.At;
        }
        if (profile is not null)
        {
            profile.Headline = "";
            profile.Bio = "";
            profile.DetailsJson = "{}";
            profile.IsPublished = false;
            profile.IsListed = false;
            profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
            foreach (var l in await db.Listings.Where(l => l.CoachId == id).ToListAsync(ct)) { l.IsPublished = false; l.Description = ""; }
        }
        await db.SaveAndBumpAsync(ct);
        if (cv is not null) store.Delete(cv.StorageId);
    }
}
