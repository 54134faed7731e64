namespace TechInterviewCoach.Matching.Data;

/// <summary>Recomputes whether a coach is listed, from tracked (possibly unsaved) state; records coach_listed on the way up.</summary>
internal static class ListedState
{
    public static async Task RefreshAsync(MatchingDbContext db, Guid coachId, DateTimeOffset now, CancellationToken ct)
    {
        var profile = await db.CoachProfiles.FindAsync([coachId], ct);
        if (profile is null) return;
        var status = await db.CoachStatuses.FindAsync([coachId], ct);
        await db.Listings.Where(l => l.CoachId == coachId).LoadAsync(ct);
        var hasListing = db.Listings.Local.Any(l => l.CoachId == coachId && l.IsPublished && db.Entry(l).State != EntityState.Deleted);
        var listed = profile.IsPublished && hasListing && status is { PayoutsEnabled: true, IsSuspended: false, IsDeleted: false };
        if (listed && !profile.IsListed)
            db.Enqueue(new TrackEvent(coachId, AnalyticsEvents.CoachListed, new Dictionary<string, string>()), now);
        profile.IsListed = listed;
    }

    /// <summary>
    /// Records what another module said about a coach (payouts, suspension), recomputes whether they are listed, and saves,
    /// moving the listed coaches' version.
    /// </summary>
    public static async Task ChangeStatusAsync(MatchingDbContext db, Guid coachId, DateTime at, DateTimeOffset now, Action<CoachStatus> change, CancellationToken ct)
    {
        var status = await StatusAsync(db, coachId, ct);
        change(status);
        status.UpdatedAt = at;
        await RefreshAsync(db, coachId, now, ct);
        await db.SaveAndBumpAsync(ct);
    }

    /// <summary>The coach's status row, added (unsaved) when there is none yet.</summary>
    public static async Task<CoachStatus> StatusAsync(MatchingDbContext db, Guid coachId, CancellationToken ct)
    {
        var status = await db.CoachStatuses.FindAsync([coachId], ct);
        if (status is null) db.CoachStatuses.Add(status = new CoachStatus { CoachId = coachId });
        return status;
    }
}
