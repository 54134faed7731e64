namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// The release rule: a coach sees a coachee's quiz and CV only while a grant for exactly this pair is active (the coachee
/// started a conversation with the coach and has not closed it). Every view is logged under <see cref="AccessWhat"/>.
/// </summary>
internal static class ReleaseRule
{
    public static NotFoundException NotFound() => new("coachee_not_found", "Nothing to show here.");

    public static async Task EnsureActiveAsync(MatchingDbContext db, Guid coachId, Guid coacheeId, CancellationToken ct)
    {
        if (coachId == coacheeId || !await db.AccessGrants.AnyAsync(g => g.CoachId == coachId && g.CoacheeId == coacheeId && g.EndedAt == null, ct))
            throw NotFound();
    }
}

/// <summary>What a coach saw, as the access log names it.</summary>
internal static class AccessWhat
{
    public const string Quiz = "quiz";
    public const string Cv = "cv";
    /// <summary>What was read from the CV (decision 0020).</summary>
    public const string CvReading = "cv_reading";
}
