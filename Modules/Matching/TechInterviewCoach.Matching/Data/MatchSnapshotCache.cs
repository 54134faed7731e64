namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// One in-memory snapshot of all listed coaches per instance. The profile tables stay the source of truth: every change
/// to a listed coach bumps a counter in the same transaction, and the snapshot is rebuilt when the counter moved
/// (so several instances stay correct), or after an hour (daylight-saving offsets of the week slots).
/// A rebuild runs off the request path, one at a time. A request waits for it at most
/// <see cref="MatchingOptions.SnapshotRebuildWaitMilliseconds"/> and otherwise ranks on the previous snapshot, so a coach
/// editing a profile never stalls everyone's matches for the seconds a rebuild of 100,000 coaches takes. Only the very
/// first request of an instance, with no snapshot at all, waits for the whole build.
/// </summary>
internal sealed class MatchSnapshotCache(IOptions<MatchingOptions> options, TimeProvider time, IServiceScopeFactory scopes, ILogger<MatchSnapshotCache> logger)
{
    private readonly Lock _lock = new();
    private MatchSnapshot? _current;
    private Task<MatchSnapshot>? _building;
    private long _lastCheckTicks;

    /// <summary>Whether this instance holds a snapshot; readiness waits for it (<see cref="MatchSnapshotHealthCheck"/>).</summary>
    public bool IsWarm => Volatile.Read(ref _current) is not null;

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
            // A build that was already running may have read the counter before the change this request saw: then another.
            var building = StartBuild();
            MatchSnapshot built;
            if (current is null) built = await building.WaitAsync(ct);
            else
            {
                var remaining = options.Value.SnapshotRebuildWaitMilliseconds - (int)waited.ElapsedMilliseconds;
                if (remaining > 0) await Task.WhenAny(building, Task.Delay(remaining, ct));
                if (!building.IsCompletedSuccessfully) return current;
                built = building.Result;
                if (ReferenceEquals(built, current)) return current; // the build failed and kept the previous one
            }
            if (built.Version >= version) return built;
            current = built;
        }
    }

    /// <summary>The listed coaches' version counter, which every change to a listed coach bumps.</summary>
    private static Task<long> ReadVersionAsync(MatchingDbContext db, CancellationToken ct) =>
        db.Counters.AsNoTracking().Where(c => c.Name == MatchingDbContext.SnapshotCounter).Select(c => c.Value).FirstOrDefaultAsync(ct);

    private bool Fresh(MatchSnapshot snapshot, long version) =>
        snapshot.Version == version && time.GetUtcNow().UtcDateTime - snapshot.BuiltAt < TimeSpan.FromHours(1);

    /// <summary>The running build, or a new one when none runs. A build reads the counter itself before the data, so it is never older than what the caller saw.</summary>
    private Task<MatchSnapshot> StartBuild()
    {
        lock (_lock)
        {
            if (_building is { IsCompleted: false } running) return running;
            return _building = Task.Run(BuildAndSwapAsync);
        }
    }

    private async Task<MatchSnapshot> BuildAndSwapAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            var version = await ReadVersionAsync(db, CancellationToken.None);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var built = await BuildAsync(db, mediator, version, time.GetUtcNow().UtcDateTime, CancellationToken.None);
            _current = built;
            logger.LogInformation("Match snapshot {Version} built with {Coaches} listed coaches in {Milliseconds:0} ms",
                built.Version, built.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return built;
        }
        catch (Exception ex)
        {
            // The previous snapshot stays in use; the next request that finds it behind starts another build.
            logger.LogError(ex, "Building the match snapshot failed");
            if (_current is { } previous) return previous;
            throw;
        }
    }

    private static async Task<MatchSnapshot> BuildAsync(MatchingDbContext db, IMediator mediator, long version, DateTime now, CancellationToken ct)
    {
        var profiles = await db.CoachProfiles.AsNoTracking().Where(p => p.IsListed)
            .Select(p => new { p.CoachId, p.YearsOfExperience, p.TimeZone, p.DetailsJson, p.Headline }).ToListAsync(ct);
        // PostgreSQL and SQLite may order uuids differently from Guid.CompareTo: sort here, the order ties are broken by.
        profiles.Sort((a, b) => a.CoachId.CompareTo(b.CoachId));
        var statuses = await db.CoachStatuses.AsNoTracking()
            .Join(db.CoachProfiles.Where(p => p.IsListed), s => s.CoachId, p => p.CoachId, (s, p) => new { s.CoachId, s.MedianFirstReplyMinutes, s.OverdueConversations, s.RatingAverage, s.RatingCount })
            .ToDictionaryAsync(s => s.CoachId, ct);
        var listings = await db.Listings.AsNoTracking().Where(l => l.IsPublished)
            .Join(db.CoachProfiles.Where(p => p.IsListed), l => l.CoachId, p => p.CoachId, (l, p) => new { l.CoachId, l.Currency, l.PriceMinor, l.Sessions })
            .ToListAsync(ct);
        // Names live in Identity; a rename does not move the version, so the search sees it at the next rebuild (within the hour).
        IReadOnlyDictionary<Guid, UserSummary> names = profiles.Count == 0 ? new Dictionary<Guid, UserSummary>() : await mediator.Send(new GetUserSummaries(profiles.Select(p => p.CoachId).ToList()), ct);
        var currencies = listings.Select(l => l.Currency).Distinct().Order(StringComparer.Ordinal).ToArray();

        var n = profiles.Count;
        var types = MatchSnapshot.TypeCount;
        var ids = new Guid[n];
        var roles = new int[n];
        var typeMasks = new int[n];
        var languages = new long[n];
        var slots = new ulong[n * MatchSnapshot.SlotWords];
        var coached = new int[n * types];
        var coachedBonus = new byte[n * types];
        var coachPoints = new int[n];
        var years = new int[n];
        var medianReply = new float[n];
        var overdue = new int[n];
        var ratingAverage = new float[n];
        var ratingCount = new int[n];
        var ratingPoints = new int[n];
        var companyStart = new int[n + 1];
        var companyBloom = new ulong[n];
        var companyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var companyIds = new List<int>();
        var companyNames = new List<string>();
        var interviewedStart = new int[n + 1];
        var interviewedIds = new List<int>();
        var interviewedNames = new List<string>();
        var interviewedBloom = new ulong[n];
        var skillStart = new int[n + 1];
        var skillIds = new List<short>();
        var searchText = new string[n];
        var minPrice = new long[n * currencies.Length];
        Array.Fill(minPrice, -1L);
        var position = new Dictionary<Guid, int>(n);
        var monday = WeekSlots.ReferenceMondayUtc(now);
        for (var i = 0; i < n; i++)
        {
            var p = profiles[i];
            var d = MatchingJson.Read<CoachDetails>(p.DetailsJson);
            position[p.CoachId] = i;
            ids[i] = p.CoachId;
            roles[i] = Scoring.Mask(QuizDefinition.Roles, d.Roles);
            typeMasks[i] = Scoring.Mask(QuizDefinition.InterviewTypes, d.InterviewTypes);
            languages[i] = Scoring.Mask(QuizDefinition.Languages, d.Languages);
            foreach (var (type, count) in d.CoachedCounts)
                if (QuizDefinition.IndexOf(QuizDefinition.InterviewTypes, type) is >= 0 and var t)
                {
                    coached[i * types + t] = count;
                    coachedBonus[i * types + t] = (byte)Scoring.CoachedBonus(count);
                }
            MatchSnapshot.SetSlots(slots, n, i, WeekSlots.From(d.Availability, p.TimeZone, monday));
            years[i] = p.YearsOfExperience;
            statuses.TryGetValue(p.CoachId, out var status);
            medianReply[i] = status?.MedianFirstReplyMinutes is { } median ? (float)median : float.NaN;
            overdue[i] = status?.OverdueConversations ?? 0;
            coachPoints[i] = Scoring.CoachPoints(medianReply[i], overdue[i]);
            ratingAverage[i] = (float)(status?.RatingAverage ?? 0);
            ratingCount[i] = status?.RatingCount ?? 0;
            ratingPoints[i] = Scoring.ReviewPoints(ratingAverage[i], ratingCount[i]);
            skillStart[i] = skillIds.Count;
            foreach (var skill in d.Skills)
                if (Vocabulary.Skills.Find(skill) is { } term) skillIds.Add((short)term.Id);
            companyStart[i] = companyIds.Count;
            foreach (var company in d.Companies)
            {
                var key = Scoring.CompanyKey(company);
                if (key.Length == 0) continue;
                if (!companyIndex.TryGetValue(key, out var id)) companyIndex[key] = id = companyIndex.Count;
                companyIds.Add(id);
                companyNames.Add(company);
                companyBloom[i] |= 1UL << (id & 63);
            }
            interviewedStart[i] = interviewedIds.Count;
            foreach (var company in d.InterviewedFor)
            {
                var key = Scoring.CompanyKey(company);
                if (key.Length == 0) continue;
                if (!companyIndex.TryGetValue(key, out var id)) companyIndex[key] = id = companyIndex.Count;
                interviewedIds.Add(id);
                interviewedNames.Add(company);
                interviewedBloom[i] |= 1UL << (id & 63);
            }
            searchText[i] = string.Join('\n', [names.TryGetValue(p.CoachId, out var name) ? name.DisplayName : "", p.Headline, .. d.Companies, .. d.InterviewedFor, .. d.Skills]).ToLowerInvariant();
        }
        companyStart[n] = companyIds.Count;
        skillStart[n] = skillIds.Count;
        interviewedStart[n] = interviewedIds.Count;
        foreach (var l in listings)
        {
            if (!position.TryGetValue(l.CoachId, out var i)) continue;
            var at = i * currencies.Length + Array.IndexOf(currencies, l.Currency);
            var perSession = l.Sessions <= 1 ? l.PriceMinor : l.PriceMinor / l.Sessions;
            if (minPrice[at] < 0 || perSession < minPrice[at]) minPrice[at] = perSession;
        }
        return new MatchSnapshot
        {
            Version = version, BuiltAt = now, Ids = ids, Roles = roles, Types = typeMasks, Languages = languages, Slots = slots,
            Coached = coached, CoachedBonus = coachedBonus, CoachPoints = coachPoints, Years = years, MedianReply = medianReply, Overdue = overdue, RatingAverage = ratingAverage, RatingCount = ratingCount, RatingPoints = ratingPoints, CompanyStart = companyStart,
            CompanyIds = companyIds.ToArray(), CompanyNames = companyNames.ToArray(), CompanyBloom = companyBloom, CompanyIndex = companyIndex,
            InterviewedStart = interviewedStart, InterviewedIds = interviewedIds.ToArray(), InterviewedNames = interviewedNames.ToArray(), InterviewedBloom = interviewedBloom,
            Currencies = currencies, MinPrice = minPrice, SkillStart = skillStart, SkillIds = skillIds.ToArray(), SearchText = searchText,
        };
    }
}
