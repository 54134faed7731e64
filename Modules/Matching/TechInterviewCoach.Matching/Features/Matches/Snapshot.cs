using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.Matching.Features.Cv;

namespace TechInterviewCoach.Matching.Features.Matches;

/// <summary>What ranking needs to know about one listed coach, compact: bit masks, counts and UTC week slots.</summary>
internal sealed class CoachFeatures
{
    public Guid CoachId { get; init; }
    public int RolesMask { get; init; }
    public int TypesMask { get; init; }
    public int[] Coached { get; init; } = [];
    public long LanguagesMask { get; init; }
    public string[] CompaniesKey { get; init; } = [];
    public string[] Companies { get; init; } = [];
    public WeekSlots Slots { get; init; }
    public int Years { get; init; }
    public double? MedianReplyMinutes { get; init; }
    public int Overdue { get; init; }
    /// <summary>Cheapest price per session among published listings, per currency.</summary>
    public (string Currency, long PerSession)[] MinPrices { get; init; } = [];

    public long? MinPriceIn(string? currency)
    {
        foreach (var (c, p) in MinPrices) if (c == currency) return p;
        return null;
    }
}

internal sealed record MatchSnapshot(long Version, DateTime BuiltAt, CoachFeatures[] Coaches);

/// <summary>
/// One in-memory snapshot of all listed coaches per instance. The profile tables stay the source of truth: every change
/// to a listed coach bumps a counter in the same transaction, and the snapshot is rebuilt when the counter moved
/// (so several instances stay correct), or after an hour (daylight-saving offsets of the week slots).
/// </summary>
internal sealed class MatchSnapshotCache(IOptions<MatchingOptions> options, TimeProvider time, ILogger<MatchSnapshotCache> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatchSnapshot? _current;
    private long _lastCheckTicks;

    public async Task<MatchSnapshot> GetAsync(MatchingDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = _current;
        var interval = options.Value.SnapshotCheckMilliseconds;
        if (current is not null && interval > 0 && Environment.TickCount64 - Interlocked.Read(ref _lastCheckTicks) < interval && now - current.BuiltAt < TimeSpan.FromHours(1))
            return current;
        var version = await db.Counters.AsNoTracking().Where(c => c.Name == MatchingDbContext.SnapshotCounter).Select(c => c.Value).FirstOrDefaultAsync(ct);
        Interlocked.Exchange(ref _lastCheckTicks, Environment.TickCount64);
        if (current is not null && current.Version == version && now - current.BuiltAt < TimeSpan.FromHours(1)) return current;

        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.Version == version && now - current.BuiltAt < TimeSpan.FromHours(1)) return current;
            var built = await BuildAsync(db, version, now, ct);
            _current = built;
            logger.LogInformation("Match snapshot {Version} built with {Coaches} listed coaches", version, built.Coaches.Length);
            return built;
        }
        finally { _gate.Release(); }
    }

    private static async Task<MatchSnapshot> BuildAsync(MatchingDbContext db, long version, DateTime now, CancellationToken ct)
    {
        var profiles = await db.CoachProfiles.AsNoTracking().Where(p => p.IsListed)
            .Select(p => new { p.CoachId, p.YearsOfExperience, p.TimeZone, p.DetailsJson }).ToListAsync(ct);
        var statuses = await db.CoachStatuses.AsNoTracking()
            .Join(db.CoachProfiles.Where(p => p.IsListed), s => s.CoachId, p => p.CoachId, (s, p) => new { s.CoachId, s.MedianFirstReplyMinutes, s.OverdueConversations })
            .ToDictionaryAsync(s => s.CoachId, ct);
        var prices = (await db.Listings.AsNoTracking().Where(l => l.IsPublished)
                .Join(db.CoachProfiles.Where(p => p.IsListed), l => l.CoachId, p => p.CoachId, (l, p) => new { l.CoachId, l.Currency, l.PriceMinor, l.Sessions })
                .ToListAsync(ct))
            .GroupBy(l => l.CoachId)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.Currency).Select(c => (c.Key, c.Min(l => l.Sessions <= 1 ? l.PriceMinor : l.PriceMinor / l.Sessions))).ToArray());
        var monday = WeekSlots.ReferenceMondayUtc(now);
        var coaches = new CoachFeatures[profiles.Count];
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var d = MatchingJson.Read<CoachDetails>(p.DetailsJson);
            statuses.TryGetValue(p.CoachId, out var s);
            var coached = new int[QuizDefinition.InterviewTypes.Count];
            foreach (var (type, count) in d.CoachedCounts)
                if (QuizDefinition.IndexOf(QuizDefinition.InterviewTypes, type) is >= 0 and var idx) coached[idx] = count;
            coaches[i] = new CoachFeatures
            {
                CoachId = p.CoachId,
                RolesMask = Scoring.Mask(QuizDefinition.Roles, d.Roles),
                TypesMask = Scoring.Mask(QuizDefinition.InterviewTypes, d.InterviewTypes),
                Coached = coached,
                LanguagesMask = Scoring.Mask(QuizDefinition.Languages, d.Languages),
                CompaniesKey = d.Companies.Select(Scoring.CompanyKey).ToArray(),
                Companies = d.Companies.ToArray(),
                Slots = WeekSlots.From(d.Availability, p.TimeZone, monday),
                Years = p.YearsOfExperience,
                MedianReplyMinutes = s?.MedianFirstReplyMinutes,
                Overdue = s?.OverdueConversations ?? 0,
                MinPrices = prices.TryGetValue(p.CoachId, out var mp) ? mp : [],
            };
        }
        Array.Sort(coaches, (a, b) => a.CoachId.CompareTo(b.CoachId));
        return new MatchSnapshot(version, now, coaches);
    }
}
