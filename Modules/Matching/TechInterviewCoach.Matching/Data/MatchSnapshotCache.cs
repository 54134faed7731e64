namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// One in-memory snapshot of all listed coaches per instance. The profile tables stay the source of truth: every change
/// to a listed coach bumps a counter and logs the coach at the new version, in the same transaction (decision 0023). An
/// instance that finds the counter moved reads the log since its snapshot's version and updates just those coaches
/// (<see cref="MatchSnapshot.With"/>); it builds in full only without a snapshot, after an hour (daylight-saving offsets
/// of the week slots, and names changed in Identity), when the log has a gap (pruned, or a bump without rows), or when
/// more than <see cref="MaxChangedCoaches"/> coaches changed at once.
/// An update runs off the request path, one at a time. A request waits for it at most
/// <see cref="MatchingOptions.SnapshotRebuildWaitMilliseconds"/> and otherwise ranks on the previous snapshot. Only the very
/// first request of an instance, with no snapshot at all, waits for the whole build.
/// </summary>
internal sealed class MatchSnapshotCache(IOptions<MatchingOptions> options, TimeProvider time, IServiceScopeFactory scopes, ILogger<MatchSnapshotCache> logger)
{
    /// <summary>Above this many changed coaches a full build is cheaper than reading them one by one.</summary>
    public const int MaxChangedCoaches = 5_000;
    /// <summary>Log rows older than this are deleted at a full build; an instance behind them builds in full (every instance does at least hourly).</summary>
    private static readonly TimeSpan LogRetention = TimeSpan.FromHours(3);
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private MatchSnapshot? _current;
    private Task<MatchSnapshot>? _building;
    private long _lastCheckTicks;
    private long _fullBuilds;
    private long _updates;

    /// <summary>Whether this instance holds a snapshot; readiness waits for it (<see cref="MatchSnapshotHealthCheck"/>).</summary>
    public bool IsWarm => Volatile.Read(ref _current) is not null;

    /// <summary>How many times this instance built its snapshot in full, and how many times it updated changed coaches only.</summary>
    public long FullBuilds => Interlocked.Read(ref _fullBuilds);
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>Starts the first build, or joins the running one (<see cref="MatchSnapshotWarmUp"/>, at start-up).</summary>
    public Task WarmUpAsync() => StartBuild();

    public async Task<MatchSnapshot> GetAsync(MatchingDbContext db, CancellationToken ct)
    {
        var current = _current;
        var interval = options.Value.SnapshotCheckMilliseconds;
        if (current is not null && interval > 0 && Environment.TickCount64 - Interlocked.Read(ref _lastCheckTicks) < interval && Fresh(current, current.Version))
            return current;
        var version = await ReadVersionAsync(db, ct);
        Interlocked.Exchange(ref _lastCheckTicks, Environment.TickCount64);
        if (current is not null && Fresh(current, version)) return current;

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            // An update that was already running may have read the counter before the change this request saw: then another.
            var building = StartBuild();
            MatchSnapshot built;
            if (current is null) built = await building.WaitAsync(ct);
            else
            {
                var remaining = options.Value.SnapshotRebuildWaitMilliseconds - (int)waited.ElapsedMilliseconds;
                if (remaining > 0) await Task.WhenAny(building, Task.Delay(remaining, ct));
                if (!building.IsCompletedSuccessfully) return current;
                built = building.Result;
                if (ReferenceEquals(built, current)) return current; // the update failed and kept the previous one
            }
            if (built.Version >= version) return built;
            current = built;
        }
    }

    /// <summary>The listed coaches' version counter, which every change to a listed coach bumps.</summary>
    private static Task<long> ReadVersionAsync(MatchingDbContext db, CancellationToken ct) =>
        db.Counters.AsNoTracking().Where(c => c.Name == MatchingDbContext.SnapshotCounter).Select(c => c.Value).FirstOrDefaultAsync(ct);

    private bool Fresh(MatchSnapshot snapshot, long version) => snapshot.Version == version && !Old(snapshot);

    private bool Old(MatchSnapshot snapshot) => time.GetUtcNow().UtcDateTime - snapshot.BuiltAt >= MaxAge;

    /// <summary>The running update, or a new one when none runs. It reads the counter itself before the data, so it is never older than what the caller saw.</summary>
    private Task<MatchSnapshot> StartBuild()
    {
        lock (_lock)
        {
            if (_building is { IsCompleted: false } running) return running;
            return _building = Task.Run(UpdateAndSwapAsync);
        }
    }

    private async Task<MatchSnapshot> UpdateAndSwapAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var version = await ReadVersionAsync(db, CancellationToken.None);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var current = _current;
            if (current is not null && !Old(current))
            {
                if (current.Version >= version) return current;
                if (await ApplyChangesAsync(db, mediator, current, version) is { } updated)
                {
                    _current = updated;
                    Interlocked.Increment(ref _updates);
                    logger.LogInformation("Match snapshot {Version} updated from {Previous} for {Coaches} changed coaches in {Milliseconds:0.0} ms",
                        updated.Version, current.Version, updated.Stamps.Count(s => s.Value > current.Version),
                        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return updated;
                }
            }
            var now = time.GetUtcNow().UtcDateTime;
            var built = MatchSnapshot.Build(version, now, await LoadRowsAsync(db, mediator, WeekSlots.ReferenceMondayUtc(now), null, CancellationToken.None));
            _current = built;
            Interlocked.Increment(ref _fullBuilds);
            logger.LogInformation("Match snapshot {Version} built in full with {Coaches} listed coaches in {Milliseconds:0} ms",
                built.Version, built.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await db.SnapshotChanges.Where(c => c.ChangedAt < now - LogRetention).ExecuteDeleteAsync();
            return built;
        }
        catch (Exception ex)
        {
            // The previous snapshot stays in use; the next request that finds it behind starts another update.
            logger.LogError(ex, "Updating the match snapshot failed");
            if (_current is { } previous) return previous;
            throw;
        }
    }

    /// <summary>
    /// The snapshot with the coaches logged after its version up to <paramref name="version"/> read again; null when the log
    /// does not hold every version in between (pruned, or a bump without rows), or when too many coaches changed.
    /// </summary>
    private static async Task<MatchSnapshot?> ApplyChangesAsync(MatchingDbContext db, IMediator mediator, MatchSnapshot current, long version)
    {
        if (version - current.Version > MaxChangedCoaches) return null;
        var log = await db.SnapshotChanges.AsNoTracking().Where(c => c.Version > current.Version && c.Version <= version)
            .Select(c => new { c.Version, c.CoachId }).Take(MaxChangedCoaches + 1).ToListAsync();
        if (log.Count > MaxChangedCoaches || log.Select(c => c.Version).Distinct().Count() != version - current.Version) return null;
        var ids = log.Select(c => c.CoachId).Distinct().ToList();
        var rows = await LoadRowsAsync(db, mediator, WeekSlots.ReferenceMondayUtc(current.BuiltAt), ids, CancellationToken.None);
        var changes = ids.ToDictionary(id => id, _ => (CoachRow?)null);
        foreach (var row in rows) changes[row.Id] = row;
        return current.With(version, changes);
    }

    /// <summary>The rows of listed coaches (of <paramref name="only"/> these, when given), their weeks placed on the week of <paramref name="monday"/>.</summary>
    private static async Task<List<CoachRow>> LoadRowsAsync(MatchingDbContext db, IMediator mediator, DateTime monday, List<Guid>? only, CancellationToken ct)
    {
        var listed = only is null ? db.CoachProfiles.Where(p => p.IsListed) : db.CoachProfiles.Where(p => p.IsListed && only.Contains(p.CoachId));
        var profiles = await listed.AsNoTracking()
            .Select(p => new { p.CoachId, p.YearsOfExperience, p.TimeZone, p.DetailsJson, p.Headline }).ToListAsync(ct);
        var statuses = await db.CoachStatuses.AsNoTracking()
            .Join(listed, s => s.CoachId, p => p.CoachId, (s, p) => new { s.CoachId, s.MedianFirstReplyMinutes, s.OverdueConversations, s.RatingAverage, s.RatingCount })
            .ToDictionaryAsync(s => s.CoachId, ct);
        var listings = (await db.Listings.AsNoTracking().Where(l => l.IsPublished)
            .Join(listed, l => l.CoachId, p => p.CoachId, (l, p) => new { l.CoachId, l.Currency, l.PriceMinor, l.Sessions })
            .ToListAsync(ct)).ToLookup(l => l.CoachId, l => (l.Currency, l.PriceMinor, l.Sessions));
        // Names live in Identity; a rename does not move the version, so the search sees it at the coach's next change or the next full build.
        IReadOnlyDictionary<Guid, UserSummary> names = profiles.Count == 0 ? new Dictionary<Guid, UserSummary>()
            : await mediator.Send(new GetUserSummaries(profiles.Select(p => p.CoachId).ToList()), ct);
        var rows = new List<CoachRow>(profiles.Count);
        foreach (var p in profiles)
        {
            statuses.TryGetValue(p.CoachId, out var status);
            rows.Add(CoachRow.From(p.CoachId, names.TryGetValue(p.CoachId, out var name) ? name.DisplayName : null, p.Headline, p.YearsOfExperience,
                p.TimeZone, MatchingJson.Read<CoachDetails>(p.DetailsJson), status?.MedianFirstReplyMinutes, status?.OverdueConversations ?? 0,
                status?.RatingAverage ?? 0, status?.RatingCount ?? 0, listings[p.CoachId], monday));
        }
        return rows;
    }
}
