namespace TechInterviewCoach.Matching.Data;

/// <summary>A listed coach as the public sees them: profile facts and published listings. Never anything about coachees.</summary>
internal sealed record CoachCard(
    Guid CoachId, string DisplayName, string Headline, string Bio, int YearsOfExperience, IReadOnlyList<string> Companies,
    IReadOnlyList<string> Roles, IReadOnlyList<string> InterviewTypes, IReadOnlyDictionary<string, int> CoachedCounts,
    IReadOnlyList<string> Languages, string TimeZone, IReadOnlyList<WeeklyWindow> Availability, string? Responsiveness,
    IReadOnlyList<ListingView> Listings, string PlatformFeeNote)
{
    /// <summary>The coach's reviews: average rating and count (Orders' figures); null before the first review.</summary>
    public CoachRating? Rating { get; init; }
    /// <summary>The coach's photo (versioned address); null: show their initials.</summary>
    public string? PhotoUrl { get; init; }

    /// <summary>Companies the coach has interviewed for, as an interviewer or a candidate.</summary>
    public IReadOnlyList<string> InterviewedFor { get; init; } = [];
}

/// <summary>Average of the coach's visible reviews (1–5) and how many there are.</summary>
internal sealed record CoachRating(double Average, int Count)
{
    public string Summary => $"{Average.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} out of 5 from {Count} review{(Count == 1 ? "" : "s")}";
}

internal sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

internal static class CoachCards
{
    public const string PlatformFeeNote = "The platform fee is shown at checkout, before you pay.";

    /// <summary>The page asked for, within 1–500, of 1–50 items.</summary>
    public static (int Page, int PageSize) Clamp(int page, int pageSize) => (Math.Clamp(page, 1, 500), Math.Clamp(pageSize, 1, 50));

    /// <summary>
    /// Loads cards for listed coaches, in the given order. With a cache and the snapshot, what comes from the profile,
    /// status and listings is reused until that coach changes (the version of the coach's last change,
    /// <see cref="MatchSnapshot.StampOf"/>); the names are always read, as a rename does not move it.
    /// </summary>
    public static async Task<IReadOnlyList<CoachCard>> LoadAsync(MatchingDbContext db, IMediator mediator, IReadOnlyList<Guid> ids, CancellationToken ct,
        CoachCardCache? cache = null, MatchSnapshot? snapshot = null)
    {
        if (ids.Count == 0) return [];
        var found = new Dictionary<Guid, CoachCard>();
        var missing = new List<Guid>();
        foreach (var id in ids)
            if (cache is not null && snapshot is not null && cache.TryGet(id, snapshot.StampOf(id), out var cached)) found[id] = cached;
            else missing.Add(id);
        if (missing.Count > 0)
            foreach (var card in await LoadUncachedAsync(db, missing, ct))
            {
                found[card.CoachId] = card;
                if (snapshot is not null) cache?.Set(card.CoachId, snapshot.StampOf(card.CoachId), card);
            }
        var names = await mediator.Send(new GetUserSummaries(ids.ToList()), ct);
        return ids.Where(found.ContainsKey)
            .Select(id => found[id] with { DisplayName = names.TryGetValue(id, out var n) ? n.DisplayName : "Coach" }).ToList();
    }

    private static async Task<List<CoachCard>> LoadUncachedAsync(MatchingDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var profiles = await (
                from p in db.CoachProfiles.AsNoTracking().Where(p => ids.Contains(p.CoachId) && p.IsListed)
                join s in db.CoachStatuses.AsNoTracking() on p.CoachId equals s.CoachId into statuses
                from s in statuses.DefaultIfEmpty()
                join ph in db.CoachPhotos.AsNoTracking() on p.CoachId equals ph.CoachId into photos
                from ph in photos.DefaultIfEmpty()
                select new { Profile = p, MedianReply = s == null ? null : s.MedianFirstReplyMinutes, RatingAverage = s == null ? 0 : s.RatingAverage, RatingCount = s == null ? 0 : s.RatingCount,
                    PhotoVersion = ph == null ? null : ph.Version })
            .ToDictionaryAsync(x => x.Profile.CoachId, ct);
        var listings = (await db.Listings.AsNoTracking().Where(l => ids.Contains(l.CoachId) && l.IsPublished).OrderBy(l => l.PriceMinor).ToListAsync(ct))
            .ToLookup(l => l.CoachId);
        var cards = new List<CoachCard>();
        foreach (var id in ids)
        {
            if (!profiles.TryGetValue(id, out var row)) continue;
            var p = row.Profile;
            var d = MatchingJson.Read<CoachDetails>(p.DetailsJson);
            cards.Add(new CoachCard(id, "", p.Headline, p.Bio, p.YearsOfExperience,
                d.Companies, d.Roles.Select(r => QuizDefinition.Label(QuizDefinition.Roles, r)).ToList(),
                d.InterviewTypes.Select(t => QuizDefinition.Label(QuizDefinition.InterviewTypes, t)).ToList(),
                d.CoachedCounts.ToDictionary(kv => QuizDefinition.Label(QuizDefinition.InterviewTypes, kv.Key), kv => kv.Value),
                d.Languages.Select(l => QuizDefinition.Label(QuizDefinition.Languages, l)).ToList(), p.TimeZone, d.Availability,
                row.MedianReply is { } m ? $"Usually answers within {Scoring.FormatDuration(m)}" : null,
                listings[id].Select(l => l.ToView() with { MeetingUrl = null }).ToList(), PlatformFeeNote)
            {
                Rating = row.RatingCount > 0 ? new CoachRating(row.RatingAverage, row.RatingCount) : null,
                PhotoUrl = row.PhotoVersion is { } v ? CoachPhotos.Url(id, v) : null,
                InterviewedFor = d.InterviewedFor,
            });
        }
        return cards;
    }
}

/// <summary>
/// Coach cards by coach and the version of the coach's last change, per instance. Entries of an older version are misses; the whole cache is
/// dropped when it grows past <see cref="MaxEntries"/> (it refills from the pages people look at).
/// </summary>
internal sealed class CoachCardCache
{
    private const int MaxEntries = 20_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (long Version, CoachCard Card)> _cards = new();

    public bool TryGet(Guid coachId, long version, out CoachCard card)
    {
        if (_cards.TryGetValue(coachId, out var entry) && entry.Version == version) { card = entry.Card; return true; }
        card = null!;
        return false;
    }

    public void Set(Guid coachId, long version, CoachCard card)
    {
        if (_cards.Count >= MaxEntries) _cards.Clear();
        _cards[coachId] = (version, card);
    }
}
