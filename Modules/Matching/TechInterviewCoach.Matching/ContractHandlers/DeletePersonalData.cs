namespace TechInterviewCoach.Matching.ContractHandlers;

/// <summary>
/// Identity: the person deleted their account. Quiz, drafts, CV (row and file), a coach's photo (row and file), their grants and their access log go;
/// coaches' access to them ends with the grants. A coach profile is emptied and delisted, its listings unpublished
/// (listing rows stay for the order records that point at them). Idempotent.
/// </summary>
internal sealed class UserDeletedHandler(MatchingDbContext db, CvStore store, PhotoStore photos, TimeProvider time) : INotificationHandler<UserDeleted>
{
    public async Task Handle(UserDeleted n, CancellationToken ct)
    {
        var id = n.UserId;
        db.QuizDrafts.RemoveRange(await db.QuizDrafts.Where(x => x.UserId == id).ToListAsync(ct));
        db.QuizSubmissions.RemoveRange(await db.QuizSubmissions.Where(x => x.UserId == id).ToListAsync(ct));
        var cv = await db.Cvs.SingleOrDefaultAsync(x => x.UserId == id, ct);
        // The object goes before the row: when the store cannot be reached this throws, the outbox delivers UserDeleted
        // again later, and the row still says which object to delete.
        if (cv is not null)
        {
            await store.DeleteAsync(cv.StorageId, ct);
            db.Cvs.Remove(cv);
        }
        db.CvReadings.RemoveRange(await db.CvReadings.Where(x => x.UserId == id).ToListAsync(ct));
        var photo = await db.CoachPhotos.SingleOrDefaultAsync(x => x.CoachId == id, ct);
        if (photo is not null)
        {
            await photos.DeleteAsync(photo.StorageId, ct);
            db.CoachPhotos.Remove(photo);
        }
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
    }
}
