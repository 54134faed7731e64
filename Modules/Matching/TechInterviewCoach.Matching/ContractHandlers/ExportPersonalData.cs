namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>Matching's part of the person's data export: quizzes, draft, CV (with the file), access log and grants, coach profile, photo (with the file) and listings.</summary>
internal sealed class ExportMatchingDataHandler(MatchingDbContext db, CvStore store, PhotoStore photos) : IRequestHandler<ExportMatchingData, PersonalDataPart>
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
        var photo = await db.CoachPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.CoachId == id, ct);
        var files = new List<PersonalDataFile>();
        if (cv is not null && await store.ReadAsync(cv.StorageId, ct) is { } bytes)
            files.Add(new PersonalDataFile("cv.pdf", "application/pdf", bytes));
        if (photo is not null && await photos.ReadAsync(photo.StorageId, ct) is { } photoBytes)
            files.Add(new PersonalDataFile("coach-photo.webp", EncodedPhoto.ContentType, photoBytes));
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
            coachPhoto = photo is null ? null : new { photo.Source, photo.Width, photo.Height, photo.SizeBytes, photo.UpdatedAt, file = "coach-photo.webp" },
            listings = listings.Select(l => l.ToView()),
        }, files);
    }
}
