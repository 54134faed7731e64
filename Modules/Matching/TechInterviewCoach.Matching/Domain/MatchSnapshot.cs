namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// What ranking needs to know about every listed coach, laid out as parallel arrays indexed by position (coaches sorted
/// by id, so a smaller index is a smaller id). Ranking 100,000 coaches walks these arrays front to back: a few
/// megabytes read in order, no object per coach to chase. Immutable once built: a change to a few coaches makes a new
/// snapshot with <see cref="With"/>, which copies the arrays around them (decision 0023).
/// </summary>
internal sealed class MatchSnapshot
{
    public const int SlotWords = 6;
    public static readonly int TypeCount = QuizDefinition.InterviewTypes.Count;

    public required long Version { get; init; }
    /// <summary>When the snapshot was built in full; its reference week (daylight-saving offsets) is this one's, also after changes.</summary>
    public required DateTime BuiltAt { get; init; }
    /// <summary>The version of the last change to each coach changed since the full build; the others are at <see cref="BaseVersion"/>.</summary>
    public IReadOnlyDictionary<Guid, long> Stamps { get; init; } = new Dictionary<Guid, long>();
    /// <summary>The version the full build read.</summary>
    public long BaseVersion { get; init; }
    public required Guid[] Ids { get; init; }
    public required int[] Roles { get; init; }
    public required int[] Types { get; init; }
    public required long[] Languages { get; init; }
    /// <summary>
    /// The weekly half-hours in UTC on the reference week, <see cref="SlotWords"/> words per coach, word-major: word w of
    /// coach i is at <c>w * Count + i</c>, so a seeker available on two days reads two columns, not all six.
    /// </summary>
    public required ulong[] Slots { get; init; }
    /// <summary><see cref="TypeCount"/> counts per coach: people coached per interview type.</summary>
    public required int[] Coached { get; init; }
    /// <summary><see cref="TypeCount"/> per coach: <see cref="Scoring.CoachedBonus"/> of the counts above.</summary>
    public required byte[] CoachedBonus { get; init; }
    /// <summary>Points that depend on the coach alone: <see cref="Scoring.CoachPoints"/>.</summary>
    public required int[] CoachPoints { get; init; }
    public required int[] Years { get; init; }
    /// <summary>Median minutes to a first reply; NaN when not measured yet.</summary>
    public required float[] MedianReply { get; init; }
    public required int[] Overdue { get; init; }
    /// <summary>Average rating of the coach's visible reviews, their number, and <see cref="Scoring.ReviewPoints"/> of the two.</summary>
    public required float[] RatingAverage { get; init; }
    public required int[] RatingCount { get; init; }
    public required int[] RatingPoints { get; init; }
    /// <summary>Company ids of coach i are <c>CompanyIds[CompanyStart[i]..CompanyStart[i + 1]]</c>, names parallel to them.</summary>
    public required int[] CompanyStart { get; init; }
    public required int[] CompanyIds { get; init; }
    public required string[] CompanyNames { get; init; }
    /// <summary>One bit per company id modulo 64, to skip coaches who share no company without looking at the list.</summary>
    public required ulong[] CompanyBloom { get; init; }
    /// <summary>Normalised company name → id, for the companies coaches worked at and those they have interviewed for.</summary>
    public required Dictionary<string, int> CompanyIndex { get; init; }
    /// <summary>
    /// Companies coach i has interviewed for (as an interviewer or a candidate) are
    /// <c>InterviewedIds[InterviewedStart[i]..InterviewedStart[i + 1]]</c>, ids of <see cref="CompanyIndex"/>, names parallel to them.
    /// </summary>
    public required int[] InterviewedStart { get; init; }
    public required int[] InterviewedIds { get; init; }
    public required string[] InterviewedNames { get; init; }
    /// <summary>One bit per interviewed-for company id modulo 64, like <see cref="CompanyBloom"/>.</summary>
    public required ulong[] InterviewedBloom { get; init; }
    /// <summary>Skills coach i coaches are <c>SkillIds[SkillStart[i]..SkillStart[i + 1]]</c>, as <see cref="Vocabulary.Skills"/> ids.</summary>
    public int[] SkillStart { get; init; } = [0];
    public short[] SkillIds { get; init; } = [];
    public required string[] Currencies { get; init; }
    /// <summary><c>Currencies.Length</c> entries per coach: cheapest price per session among published listings; -1 when none.</summary>
    public required long[] MinPrice { get; init; }

    /// <summary>Name, headline, companies worked at and interviewed for, and skills of coach i, lower-cased, for the directory's text search.</summary>
    public required string[] SearchText { get; init; }

    public int Count => Ids.Length;

    /// <summary>The version at which coach <paramref name="id"/> last changed as far as this snapshot knows (cached cards are keyed by it).</summary>
    public long StampOf(Guid id) => Stamps.TryGetValue(id, out var v) ? v : BaseVersion;

    /// <summary>The position of coach <paramref name="id"/>, or -1 when not listed.</summary>
    public int PositionOf(Guid id) => Array.BinarySearch(Ids, id) is >= 0 and var i ? i : -1;

    /// <summary>A snapshot of these coaches (in any order), built in full.</summary>
    public static MatchSnapshot Build(long version, DateTime builtAt, IReadOnlyList<CoachRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, (a, b) => a.Id.CompareTo(b.Id));
        var currencies = sorted.SelectMany(r => r.MinPrice.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        return Splice(version, builtAt, version, new Dictionary<Guid, long>(), [], [], 0, currencies, new Dictionary<string, int>(StringComparer.Ordinal),
            [.. sorted.Select(r => new Run(-1, 1, r))]);
    }

    /// <summary>
    /// This snapshot with the coaches in <paramref name="changes"/> replaced (a row), added (a row for a coach not here) or
    /// removed (null), at <paramref name="version"/>. Every other coach is copied as it is: no database, no parsing. Null
    /// when a change prices in a currency no coach of this snapshot used (the caller builds in full then).
    /// </summary>
    public MatchSnapshot? With(long version, IReadOnlyDictionary<Guid, CoachRow?> changes)
    {
        if (changes.Values.Any(r => r is not null && r.MinPrice.Keys.Any(c => Array.IndexOf(Currencies, c) < 0))) return null;
        var runs = new List<Run>();
        var at = 0;
        foreach (var (id, row) in changes.OrderBy(c => c.Key))
        {
            var found = Array.BinarySearch(Ids, id);
            var position = found >= 0 ? found : ~found;
            if (position > at) runs.Add(new Run(at, position - at, null));
            if (row is not null) runs.Add(new Run(-1, 1, row));
            at = found >= 0 ? position + 1 : position;
        }
        if (at < Count) runs.Add(new Run(at, Count - at, null));
        var stamps = new Dictionary<Guid, long>(Stamps);
        foreach (var id in changes.Keys) stamps[id] = version;
        return Splice(version, BuiltAt, BaseVersion, stamps, this, runs);
    }

    /// <summary>Coaches copied from an old snapshot (<see cref="From"/> ≥ 0, <see cref="Length"/> of them) or one new row.</summary>
    private readonly record struct Run(int From, int Length, CoachRow? Row);

    private static MatchSnapshot Splice(long version, DateTime builtAt, long baseVersion, Dictionary<Guid, long> stamps, MatchSnapshot old, List<Run> runs) =>
        Splice(version, builtAt, baseVersion, stamps, old.Ids, old.Slots, old.Count, old.Currencies, old.CompanyIndex, runs, old);

    private static MatchSnapshot Splice(long version, DateTime builtAt, long baseVersion, Dictionary<Guid, long> stamps, Guid[] oldIds, ulong[] oldSlots,
        int oldCount, string[] currencies, Dictionary<string, int> oldCompanies, List<Run> runs, MatchSnapshot? old = null)
    {
        var n = runs.Sum(r => r.Length);
        var types = TypeCount;
        var cur = currencies.Length;
        // Companies keep their ids; a new name gets the next one (on a copy, as older snapshots share the dictionary).
        var companyIndex = oldCompanies;
        foreach (var run in runs)
            if (run.Row is { } row)
                foreach (var company in row.Companies.Concat(row.InterviewedFor))
                    if (Scoring.CompanyKey(company) is { Length: > 0 } key && !companyIndex.ContainsKey(key))
                    {
                        if (ReferenceEquals(companyIndex, oldCompanies)) companyIndex = new Dictionary<string, int>(oldCompanies, StringComparer.Ordinal);
                        companyIndex[key] = companyIndex.Count;
                    }

        var slots = new ulong[n * SlotWords];
        var companyStart = new int[n + 1];
        var skillStart = new int[n + 1];
        var companyIds = new List<int>(old?.CompanyIds.Length ?? n * 2);
        var companyNames = new List<string>(old?.CompanyIds.Length ?? n * 2);
        var interviewedStart = new int[n + 1];
        var interviewedIds = new List<int>(old?.InterviewedIds.Length ?? n);
        var interviewedNames = new List<string>(old?.InterviewedIds.Length ?? n);
        var skillIds = new List<short>(old?.SkillIds.Length ?? n * 3);
        var pos = 0;
        foreach (var run in runs)
        {
            if (run.Row is { } row)
            {
                SetSlots(slots, n, pos, row.Slots);
                companyStart[pos] = companyIds.Count;
                foreach (var company in row.Companies)
                    if (companyIndex.TryGetValue(Scoring.CompanyKey(company), out var id)) { companyIds.Add(id); companyNames.Add(company); }
                interviewedStart[pos] = interviewedIds.Count;
                foreach (var company in row.InterviewedFor)
                    if (companyIndex.TryGetValue(Scoring.CompanyKey(company), out var id)) { interviewedIds.Add(id); interviewedNames.Add(company); }
                skillStart[pos] = skillIds.Count;
                skillIds.AddRange(row.SkillIds);
                pos++;
                continue;
            }
            // Word-major week slots: each word is a column of its own.
            for (var w = 0; w < SlotWords; w++) Array.Copy(oldSlots, w * oldCount + run.From, slots, w * n + pos, run.Length);
            // Variable-length lists (companies worked at and interviewed for with their names, skills): copied as blocks, start offsets shifted.
            int cFrom = old!.CompanyStart[run.From], cTo = old.CompanyStart[run.From + run.Length];
            int vFrom = old.InterviewedStart[run.From], vTo = old.InterviewedStart[run.From + run.Length];
            int sFrom = old.SkillStart[run.From], sTo = old.SkillStart[run.From + run.Length];
            int cShift = companyIds.Count - cFrom, vShift = interviewedIds.Count - vFrom, sShift = skillIds.Count - sFrom;
            for (var i = 0; i < run.Length; i++)
            {
                companyStart[pos + i] = old.CompanyStart[run.From + i] + cShift;
                interviewedStart[pos + i] = old.InterviewedStart[run.From + i] + vShift;
                skillStart[pos + i] = old.SkillStart[run.From + i] + sShift;
            }
            companyIds.AddRange(new ArraySegment<int>(old.CompanyIds, cFrom, cTo - cFrom));
            companyNames.AddRange(new ArraySegment<string>(old.CompanyNames, cFrom, cTo - cFrom));
            interviewedIds.AddRange(new ArraySegment<int>(old.InterviewedIds, vFrom, vTo - vFrom));
            interviewedNames.AddRange(new ArraySegment<string>(old.InterviewedNames, vFrom, vTo - vFrom));
            skillIds.AddRange(new ArraySegment<short>(old.SkillIds, sFrom, sTo - sFrom));
            pos += run.Length;
        }
        companyStart[n] = companyIds.Count;
        interviewedStart[n] = interviewedIds.Count;
        skillStart[n] = skillIds.Count;

        return new MatchSnapshot
        {
            Version = version, BuiltAt = builtAt, BaseVersion = baseVersion, Stamps = stamps, Currencies = currencies, CompanyIndex = companyIndex,
            Ids = Column(old?.Ids, 1, (r, a, i) => a[i] = r.Id),
            Roles = Column(old?.Roles, 1, (r, a, i) => a[i] = r.Roles),
            Types = Column(old?.Types, 1, (r, a, i) => a[i] = r.Types),
            Languages = Column(old?.Languages, 1, (r, a, i) => a[i] = r.Languages),
            Coached = Column(old?.Coached, types, (r, a, i) => r.Coached.AsSpan(0, types).CopyTo(a.AsSpan(i))),
            CoachedBonus = Column(old?.CoachedBonus, types, (r, a, i) => { for (var t = 0; t < types; t++) a[i + t] = (byte)Scoring.CoachedBonus(r.Coached[t]); }),
            CoachPoints = Column(old?.CoachPoints, 1, (r, a, i) => a[i] = Scoring.CoachPoints(r.MedianReply, r.Overdue)),
            Years = Column(old?.Years, 1, (r, a, i) => a[i] = r.Years),
            MedianReply = Column(old?.MedianReply, 1, (r, a, i) => a[i] = r.MedianReply),
            Overdue = Column(old?.Overdue, 1, (r, a, i) => a[i] = r.Overdue),
            RatingAverage = Column(old?.RatingAverage, 1, (r, a, i) => a[i] = r.RatingAverage),
            RatingCount = Column(old?.RatingCount, 1, (r, a, i) => a[i] = r.RatingCount),
            RatingPoints = Column(old?.RatingPoints, 1, (r, a, i) => a[i] = Scoring.ReviewPoints(r.RatingAverage, r.RatingCount)),
            CompanyBloom = Column(old?.CompanyBloom, 1, (r, a, i) =>
            {
                var bloom = 0UL;
                foreach (var c in r.Companies) if (companyIndex.TryGetValue(Scoring.CompanyKey(c), out var id)) bloom |= 1UL << (id & 63);
                a[i] = bloom;
            }),
            InterviewedBloom = Column(old?.InterviewedBloom, 1, (r, a, i) =>
            {
                var bloom = 0UL;
                foreach (var c in r.InterviewedFor) if (companyIndex.TryGetValue(Scoring.CompanyKey(c), out var id)) bloom |= 1UL << (id & 63);
                a[i] = bloom;
            }),
            MinPrice = Column(old?.MinPrice, cur, (r, a, i) =>
            {
                for (var c = 0; c < cur; c++) a[i + c] = r.MinPrice.TryGetValue(currencies[c], out var p) ? p : -1;
            }),
            SearchText = Column(old?.SearchText, 1, (r, a, i) => a[i] = r.SearchText),
            Slots = slots, CompanyStart = companyStart, CompanyIds = companyIds.ToArray(), CompanyNames = companyNames.ToArray(),
            InterviewedStart = interviewedStart, InterviewedIds = interviewedIds.ToArray(), InterviewedNames = interviewedNames.ToArray(),
            SkillStart = skillStart, SkillIds = skillIds.ToArray(),
        };

        // One per-coach array of `stride` entries per coach: runs of old coaches copied as blocks, new rows written.
        T[] Column<T>(T[]? from, int stride, Action<CoachRow, T[], int> write)
        {
            var a = new T[n * stride];
            var p = 0;
            foreach (var run in runs)
            {
                if (run.Row is { } row) write(row, a, p * stride);
                else Array.Copy(from!, run.From * stride, a, p * stride, run.Length * stride);
                p += run.Length;
            }
            return a;
        }
    }

    public int CurrencyIndex(string? currency) => currency is null ? -1 : Array.IndexOf(Currencies, currency);

    public long? MinPriceAt(int coach, int currencyIndex) =>
        currencyIndex < 0 || MinPrice[coach * Currencies.Length + currencyIndex] is var p && p < 0 ? null : p;

    public int OverlapHalfHours(in WeekSlots seeker, int coach)
    {
        var total = 0;
        for (var w = 0; w < SlotWords; w++)
            if (seeker.Word(w) is var bits && bits != 0) total += System.Numerics.BitOperations.PopCount(bits & Slots[w * Ids.Length + coach]);
        return total;
    }

    /// <summary>Writes coach <paramref name="coach"/>'s week into word-major <paramref name="slots"/> of <paramref name="count"/> coaches.</summary>
    public static void SetSlots(ulong[] slots, int count, int coach, in WeekSlots week)
    {
        for (var w = 0; w < SlotWords; w++) slots[w * count + coach] = week.Word(w);
    }

    /// <summary>
    /// The directory's search: positions (in id order) of coaches whose masks contain every bit of the filters, whose
    /// cheapest session in currency <paramref name="currency"/> lies in [min, max] (when either is given), who are available
    /// in every one of <paramref name="slots"/> (UTC half-hours of the reference week), and whose search text contains every
    /// term. One plain pass; the longest term is tried first, as it rules out the most coaches.
    /// </summary>
    public List<int> Search(int types, long languages, int roles, int currency, long? min, long? max, int[]? slots, string[] terms)
    {
        var byPrice = min is not null || max is not null;
        long lo = min ?? 0, hi = max ?? long.MaxValue;
        var ordered = terms.OrderByDescending(t => t.Length).ToArray();
        var n = Ids.Length;
        var found = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if ((Types[i] & types) != types || (Languages[i] & languages) != languages || (Roles[i] & roles) != roles) continue;
            if (byPrice && (currency < 0 || MinPrice[i * Currencies.Length + currency] is var p && (p < 0 || p < lo || p > hi))) continue;
            if (slots is not null && !Available(slots, i)) continue;
            if (!ContainsAll(SearchText[i], ordered)) continue;
            found.Add(i);
        }
        return found;
    }

    private bool Available(int[] slots, int coach)
    {
        foreach (var slot in slots)
            if ((Slots[(slot >> 6) * Ids.Length + coach] & (1UL << (slot & 63))) == 0) return false;
        return true;
    }

    private static bool ContainsAll(string text, string[] terms)
    {
        foreach (var t in terms)
            if (!text.Contains(t, StringComparison.Ordinal)) return false;
        return true;
    }

}

/// <summary>
/// One listed coach's match features as read from the profile, status, published listings and name: what a snapshot holds
/// for them, before company names get the snapshot's ids. <see cref="MinPrice"/>: cheapest per session, by currency.
/// </summary>
internal sealed record CoachRow(Guid Id, int Roles, int Types, long Languages, WeekSlots Slots, int[] Coached, int Years, float MedianReply,
    int Overdue, float RatingAverage, int RatingCount, string[] Companies, string[] InterviewedFor, short[] SkillIds, string SearchText,
    IReadOnlyDictionary<string, long> MinPrice)
{
    /// <summary>The row of a coach: details of the profile, weekly windows placed on the week of <paramref name="monday"/>.</summary>
    public static CoachRow From(Guid id, string? name, string headline, int years, string timeZone, CoachDetails d, double? medianReply, int overdue,
        double ratingAverage, int ratingCount, IEnumerable<(string Currency, long PriceMinor, int Sessions)> listings, DateTime monday)
    {
        var coached = new int[MatchSnapshot.TypeCount];
        foreach (var (type, count) in d.CoachedCounts)
            if (QuizDefinition.IndexOf(QuizDefinition.InterviewTypes, type) is >= 0 and var t) coached[t] = count;
        var skills = new List<short>();
        foreach (var skill in d.Skills)
            if (Vocabulary.Skills.Find(skill) is { } term) skills.Add((short)term.Id);
        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (currency, price, sessions) in listings)
        {
            var perSession = sessions <= 1 ? price : price / sessions;
            if (!prices.TryGetValue(currency, out var p) || perSession < p) prices[currency] = perSession;
        }
        return new CoachRow(id, Scoring.Mask(QuizDefinition.Roles, d.Roles), Scoring.Mask(QuizDefinition.InterviewTypes, d.InterviewTypes),
            Scoring.Mask(QuizDefinition.Languages, d.Languages), WeekSlots.From(d.Availability, timeZone, monday), coached, years,
            medianReply is { } median ? (float)median : float.NaN, overdue, (float)ratingAverage, ratingCount, [.. d.Companies], [.. d.InterviewedFor],
            [.. skills], string.Join('\n', [name ?? "", headline, .. d.Companies, .. d.InterviewedFor, .. d.Skills]).ToLowerInvariant(), prices);
    }
}
