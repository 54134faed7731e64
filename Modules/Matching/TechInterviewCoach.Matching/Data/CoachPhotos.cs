namespace TechInterviewCoach.Matching.Data;

/// <summary>A coach's photo as their profile page and the API show it; <see cref="Url"/> is versioned, so it changes with the photo.</summary>
internal sealed record CoachPhotoView(string Url, string Source, int Width, int Height, long SizeBytes, DateTime UpdatedAt);

internal static class CoachPhotos
{
    /// <summary>Where a coach's photo is served; the version makes a new photo a new address (cached for a year).</summary>
    public static string Url(Guid coachId, string version) => $"/api/matching/coaches/{coachId}/photo?v={version}";

    public static CoachPhotoView ToView(this CoachPhoto p) => new(Url(p.CoachId, p.Version), p.Source, p.Width, p.Height, p.SizeBytes, p.UpdatedAt);

    /// <summary>
    /// Stores the re-encoded photo and points the coach's row at it; the previous file goes only after the row has moved,
    /// and the new file goes again when the row could not be written, so a failure leaves the previous photo as it was.
    /// The snapshot version moves, so cards show the new photo at once.
    /// </summary>
    public static async Task<CoachPhotoView> ReplaceAsync(MatchingDbContext db, PhotoStore store, Guid coachId, EncodedPhoto photo, string source, DateTime now, CancellationToken ct)
    {
        var storageId = await store.SaveAsync(photo.Bytes, ct);
        string? previous = null;
        try
        {
            // Two uploads at once both find no row; the second insert is retried as a replacement.
            var row = await db.RetryOnRaceAsync(async c =>
            {
                previous = null;
                var p = await db.CoachPhotos.SingleOrDefaultAsync(x => x.CoachId == coachId, c);
                if (p is null) db.CoachPhotos.Add(p = new CoachPhoto { CoachId = coachId });
                else previous = p.StorageId;
                p.StorageId = storageId;
                p.Source = source;
                p.Version = photo.Version;
                p.Width = photo.Width;
                p.Height = photo.Height;
                p.SizeBytes = photo.Bytes.Length;
                p.UpdatedAt = now;
                await db.SaveAndBumpAsync(c);
                return p;
            }, ct);
            if (previous is not null) await store.DeleteOrphanAsync(previous);
            return row.ToView();
        }
        catch
        {
            await store.DeleteOrphanAsync(storageId);
            throw;
        }
    }
}
