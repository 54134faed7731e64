using System.Globalization;
using TechInterviewCoach.Matching.Domain;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Features.Matches;

/// <summary>The coachee's side of a match, computed once per request from their latest quiz.</summary>
internal sealed class SeekerFeatures
{
    public int RolesMask { get; init; }
    public int TypesMask { get; init; }
    public long LanguagesMask { get; init; }
    public WeekSlots Slots { get; init; }
    public int RequiredYears { get; init; }
    public long? BudgetMinor { get; init; }
    public string? Currency { get; init; }
    /// <summary>The target companies as ids of the snapshot (companies no listed coach worked at are left out) and their bits.</summary>
    public int[] CompanyIds { get; init; } = [];
    public ulong CompanyBloom { get; init; }
    /// <summary>The budget currency's position in the snapshot; -1 when no listed coach prices in it.</summary>
    public int CurrencyIndex { get; init; } = -1;
    public bool HasSlots { get; init; }
    /// <summary>The seeker's non-empty slot words: which word, and its bits (the others cannot overlap).</summary>
    public (int Word, ulong Bits)[] SlotWords { get; init; } = [];
    /// <summary>Positions of the seeker's interview types.</summary>
    public int[] TypeIndexes { get; init; } = [];
    /// <summary>What a coach with none of the seeker's languages, or no overlapping hours, gets (0 when the seeker gave none).</summary>
    public int NoLanguagePoints => LanguagesMask != 0 ? -30 : 0;
    /// <summary><see cref="Scoring.OverlapPoints"/> for 0 to 336 overlapping half-hours.</summary>
    public int[] OverlapPoints { get; init; } = [];
    /// <summary><see cref="RequiredYears"/>, or int.MaxValue when the seniority asks for none.</summary>
    public int RequiredYearsOrMax => RequiredYears > 0 ? RequiredYears : int.MaxValue;

    /// <summary>Whether the company (a snapshot id) is one of the targets; a plain loop, as there are only a few.</summary>
    public bool Targets(int companyId)
    {
        foreach (var id in CompanyIds) if (id == companyId) return true;
        return false;
    }

    /// <summary>One entry per vocabulary skill: 1 when the coachee's CV names it (as they corrected it).</summary>
    public byte[] CvSkills { get; init; } = new byte[Vocabulary.Skills.Terms.Count];
    public bool HasCvSkills { get; init; }
    /// <summary>The CV's past employers as snapshot ids, without the quiz targets (those count as targets already).</summary>
    public int[] CvEmployerIds { get; init; } = [];
    /// <summary>The seniority's label when it comes from the CV because the quiz left it open; else null.</summary>
    public string? CvSeniorityLabel { get; init; }

    public bool WorkedAt(int companyId)
    {
        foreach (var id in CvEmployerIds) if (id == companyId) return true;
        return false;
    }
}

/// <summary>One explainable part of a score: which factor, how many points, and the plain words for it.</summary>
internal sealed record ScoreComponent(string Factor, int Points, string Reason);

/// <summary>
/// The ranking, as points a person can follow. Interview types coached (+12 each, + up to 8 for how many people were
/// coached), target roles (+10), target companies worked at (+12 each, at most 2), a shared language (+8, none: −30),
/// weekly hours overlapping (+4 per hour, at most 24; none: −10), within budget (+12, above: −10), experience for the seniority (+5),
/// responsiveness (answers within 2 h: +10, within a day: +4, slower: −10; −8 per conversation waiting past the promise, at most −40).
/// Equal scores are ordered by coach id.
/// </summary>
internal static class Scoring
{
    public static int Mask(IReadOnlyList<Option> options, IEnumerable<string> codes)
    {
        var mask = 0;
        foreach (var c in codes) if (QuizDefinition.IndexOf(options, c) is >= 0 and var i) mask |= 1 << i;
        return mask;
    }

    public static string CompanyKey(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public static int RequiredYears(string? seniority) => seniority switch
    {
        "junior" => 1, "mid" => 3, "senior" => 5, "staff" => 8, "principal" => 10, "manager" => 6, _ => 0,
    };

    /// <summary>The coachee's side: the quiz, and what was read from the CV (<paramref name="cv"/>, as corrected; null without a CV).</summary>
    public static SeekerFeatures Seeker(QuizAnswers q, MatchSnapshot snapshot, CvFacts? cv = null)
    {
        var companies = q.TargetCompanies.Select(CompanyKey).Where(k => k.Length > 0).ToArray();
        var ids = companies.Select(k => snapshot.CompanyIndex.TryGetValue(k, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToArray();
        var cvSkills = new byte[Vocabulary.Skills.Terms.Count];
        foreach (var skill in cv?.Skills ?? []) if (Vocabulary.Skills.Find(skill) is { } term) cvSkills[term.Id] = 1;
        var employers = (cv?.Employers ?? []).Select(e => snapshot.CompanyIndex.TryGetValue(CompanyKey(e), out var id) ? id : -1)
            .Where(id => id >= 0 && !ids.Contains(id)).Distinct().ToArray();
        var seniority = q.Seniority ?? cv?.Seniority;
        // The snapshot's reference week, so both sides carry the same daylight-saving offsets.
        var slots = WeekSlots.From(q.Availability, q.TimeZone, WeekSlots.ReferenceMondayUtc(snapshot.BuiltAt));
        var types = Mask(QuizDefinition.InterviewTypes, q.InterviewTypes);
        return new SeekerFeatures
        {
            RolesMask = Mask(QuizDefinition.Roles, q.TargetRoles),
            TypesMask = types,
            TypeIndexes = Enumerable.Range(0, QuizDefinition.InterviewTypes.Count).Where(t => (types & (1 << t)) != 0).ToArray(),
            LanguagesMask = Mask(QuizDefinition.Languages, q.Languages),
            Slots = slots,
            HasSlots = slots.HalfHours > 0,
            SlotWords = Enumerable.Range(0, MatchSnapshot.SlotWords).Where(w => slots.Word(w) != 0).Select(w => (w, slots.Word(w))).ToArray(),
            OverlapPoints = Enumerable.Range(0, WeekSlots.SlotsPerWeek + 1).Select(h => OverlapPoints(h, slots.HalfHours > 0)).ToArray(),
            RequiredYears = RequiredYears(seniority),
            CvSkills = cvSkills,
            HasCvSkills = cvSkills.Contains((byte)1),
            CvEmployerIds = employers,
            CvSeniorityLabel = q.Seniority is null && cv?.Seniority is { } fromCv ? QuizDefinition.Label(QuizDefinition.Seniorities, fromCv) : null,
            BudgetMinor = q.BudgetMinor,
            Currency = q.BudgetCurrency,
            CompanyIds = ids,
            CompanyBloom = ids.Aggregate(0UL, (bloom, id) => bloom | 1UL << (id & 63)),
            CurrencyIndex = snapshot.CurrencyIndex(q.BudgetCurrency),
        };
    }

    /// <summary>The score; with <paramref name="explain"/> also its components (only for the coaches shown).</summary>
    public static int Score(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var score = 0;
        // Interview types.
        var shared = s.TypesMask & m.Types[c];
        if (shared != 0)
        {
            var best = -1; var bestCount = -1;
            var coached = m.Coached.AsSpan(c * MatchSnapshot.TypeCount, MatchSnapshot.TypeCount);
            for (var bits = (uint)shared; bits != 0; bits &= bits - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (coached[i] > bestCount) { best = i; bestCount = coached[i]; }
            }
            var pts = 12 * System.Numerics.BitOperations.PopCount((uint)shared) + CoachedBonus(bestCount);
            score += pts;
            if (explain is not null)
            {
                var label = QuizDefinition.InterviewTypes[best].Label;
                explain.Add(new("interview_types", pts, bestCount > 0 ? $"Coached {label} for {bestCount} {(bestCount == 1 ? "person" : "people")}" : $"Coaches {label} interviews"));
            }
        }
        // Roles.
        var roles = s.RolesMask & m.Roles[c];
        if (roles != 0)
        {
            score += 10;
            if (explain is not null)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(roles);
                var role = QuizDefinition.Roles[i];
                explain.Add(new("roles", 10, role.Code == "em" ? "Coaches engineering managers" : $"Coaches {role.Label.ToLowerInvariant()} engineers"));
            }
        }
        // Companies.
        if ((s.CompanyBloom & m.CompanyBloom[c]) != 0)
        {
            var matched = 0;
            for (var i = m.CompanyStart[c]; i < m.CompanyStart[c + 1] && matched < 2; i++)
                if (s.Targets(m.CompanyIds[i]))
                {
                    matched++;
                    score += 12;
                    explain?.Add(new("companies", 12, $"Worked at {m.CompanyNames[i]}"));
                }
        }
        // What the CV says: skills and technologies the coach coaches, and past employers the coach also worked at.
        if (s.HasCvSkills)
        {
            var skills = new List<string>();
            for (var i = m.SkillStart[c]; i < m.SkillStart[c + 1]; i++)
                if (s.CvSkills[m.SkillIds[i]] != 0) skills.Add(Vocabulary.Skills.Terms[m.SkillIds[i]].Name);
            if (skills.Count > 0)
            {
                var pts = CvSignalWeights.SkillPoints(skills.Count);
                score += pts;
                explain?.Add(new("cv_skills", pts, $"Coaches {CvSignalWeights.Join(skills.Take(3).ToList())}, from your CV"));
            }
        }
        if (s.CvEmployerIds.Length > 0)
        {
            var matched = 0;
            for (var i = m.CompanyStart[c]; i < m.CompanyStart[c + 1] && matched < CvSignalWeights.MaxSharedEmployers; i++)
                if (s.WorkedAt(m.CompanyIds[i]))
                {
                    matched++;
                    score += CvSignalWeights.PerSharedEmployer;
                    explain?.Add(new("cv_employers", CvSignalWeights.PerSharedEmployer, $"Worked at {m.CompanyNames[i]}, like you"));
                }
        }
        // Language.
        var langs = s.LanguagesMask & m.Languages[c];
        if (langs != 0)
        {
            score += 8;
            explain?.Add(new("language", 8, $"Speaks {QuizDefinition.Languages[System.Numerics.BitOperations.TrailingZeroCount(langs)].Label}"));
        }
        else if (s.LanguagesMask != 0)
        {
            score -= 30;
            explain?.Add(new("language", -30, "Speaks none of your languages"));
        }
        // Availability overlap.
        var half = m.OverlapHalfHours(s.Slots, c);
        if (OverlapPoints(half, s.HasSlots) is var overlap && overlap != 0)
        {
            score += overlap;
            explain?.Add(new("availability", overlap, half > 0 ? $"Overlaps {FormatHours(half)} of your weekly hours" : "No overlap with your weekly hours"));
        }
        // Budget (same currency only; there is no conversion).
        if (s.BudgetMinor is { } budget && m.MinPriceAt(c, s.CurrencyIndex) is { } price)
        {
            if (price <= budget)
            {
                score += 12;
                explain?.Add(new("budget", 12, $"Within your budget ({Currencies.Format(price, s.Currency!)} per session)"));
            }
            else
            {
                score -= 10;
                explain?.Add(new("budget", -10, $"Above your budget ({Currencies.Format(price, s.Currency!)} per session)"));
            }
        }
        // Experience for the seniority.
        if (s.RequiredYears > 0 && m.Years[c] >= s.RequiredYears)
        {
            score += 5;
            explain?.Add(new("experience", 5, s.CvSeniorityLabel is { } level
                ? $"{m.Years[c]} years of experience, enough for the {level.ToLowerInvariant()} level on your CV"
                : $"{m.Years[c]} years of experience"));
        }
        // Responsiveness.
        if (m.MedianReply[c] is var median && !float.IsNaN(median))
        {
            var pts = ResponsivenessPoints(median);
            score += pts;
            explain?.Add(new("responsiveness", pts, pts switch
            {
                10 => $"Answers within {FormatDuration(median)} on average",
                4 => "Usually answers within a day",
                _ => "Slow to answer (more than a day on average)",
            }));
        }
        if (m.Overdue[c] is var overdue && overdue > 0)
        {
            var pts = OverduePoints(overdue);
            score += pts;
            explain?.Add(new("responsiveness", pts, $"{overdue} conversation{(overdue == 1 ? "" : "s")} waiting for a first reply"));
        }
        return score;
    }

    /// <summary>
    /// The same score as <see cref="Score"/> without the words, for ranking every listed coach: the parts that depend
    /// only on the coach come precomputed from the snapshot. A test holds the two equal.
    /// </summary>
    public static int Points(SeekerFeatures s, MatchSnapshot m, int c)
    {
        // Without data-dependent branches: coaches differ at random, so branches would be mispredicted about half the
        // time, and that, not the arithmetic, is what this loop spent its time on. Conditions become 0/1 (setcc) and
        // multiply; the piecewise parts are per-request tables.
        var score = m.CoachPoints[c];
        var types = m.Types[c];
        var bonus = m.CoachedBonus.AsSpan(c * MatchSnapshot.TypeCount, MatchSnapshot.TypeCount);
        var best = 0;
        foreach (var t in s.TypeIndexes)
        {
            var v = ((types >> t) & 1) * bonus[t];
            best ^= (best ^ v) & -Bit(v > best);
        }
        score += 12 * System.Numerics.BitOperations.PopCount((uint)(s.TypesMask & types)) + best;
        score += 10 * Bit((s.RolesMask & m.Roles[c]) != 0);
        var matched = 0;
        var worked = 0;
        var end = m.CompanyStart[c + 1];
        for (var i = m.CompanyStart[c]; i < end; i++)
        {
            matched += Bit(s.Targets(m.CompanyIds[i]));
            worked += Bit(s.WorkedAt(m.CompanyIds[i]));
        }
        score += 12 * Math.Min(2, matched) + CvSignalWeights.EmployerPoints(worked);
        if (s.HasCvSkills)
        {
            var skills = 0;
            var cvSkills = s.CvSkills;
            var skillEnd = m.SkillStart[c + 1];
            for (var i = m.SkillStart[c]; i < skillEnd; i++) skills += cvSkills[m.SkillIds[i]];
            score += CvSignalWeights.SkillPoints(skills);
        }
        score += s.NoLanguagePoints + (8 - s.NoLanguagePoints) * Bit((s.LanguagesMask & m.Languages[c]) != 0);
        var half = 0;
        foreach (var (word, bits) in s.SlotWords) half += System.Numerics.BitOperations.PopCount(bits & m.Slots[word * m.Ids.Length + c]);
        score += s.OverlapPoints[half];
        if (s.CurrencyIndex >= 0 && s.BudgetMinor is { } budget)
        {
            var price = m.MinPrice[c * m.Currencies.Length + s.CurrencyIndex];
            score += Bit(price >= 0) * (-10 + 22 * Bit(price <= budget));
        }
        score += 5 * Bit(m.Years[c] >= s.RequiredYearsOrMax);
        return score;
    }

    private static int Bit(bool b) => b ? 1 : 0;

    /// <summary>Points for overlapping half-hours: 2 per half-hour up to 24; none overlapping costs 10 when the seeker gave hours.</summary>
    public static int OverlapPoints(int halfHours, bool seekerHasSlots) => halfHours > 0 ? Math.Min(24, 2 * halfHours) : seekerHasSlots ? -10 : 0;

    /// <summary>Up to 8 points for how many people a coach coached in the best shared interview type.</summary>
    public static int CoachedBonus(int coached) => Math.Min(8, Math.Max(0, coached) / 5);

    public static int ResponsivenessPoints(float medianMinutes) => medianMinutes <= 120 ? 10 : medianMinutes <= 1440 ? 4 : -10;

    public static int OverduePoints(int overdue) => -Math.Min(40, 8 * overdue);

    /// <summary>The points that depend on the coach alone (responsiveness), precomputed into the snapshot.</summary>
    public static int CoachPoints(float medianMinutes, int overdue) =>
        (float.IsNaN(medianMinutes) ? 0 : ResponsivenessPoints(medianMinutes)) + (overdue > 0 ? OverduePoints(overdue) : 0);

    public static string FormatHours(int halfHours) =>
        halfHours % 2 == 0 ? (halfHours / 2).ToString(CultureInfo.InvariantCulture) : (halfHours / 2.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string FormatDuration(double minutes)
    {
        if (minutes < 60) { var m = Math.Max(1, (int)Math.Ceiling(minutes)); return $"{m} minute{(m == 1 ? "" : "s")}"; }
        var h = (int)Math.Ceiling(minutes / 60);
        return $"{h} hour{(h == 1 ? "" : "s")}";
    }

    /// <summary>
    /// A score and a snapshot position as one number that is larger for the better coach: higher score first, then the
    /// smaller position (the snapshot is in id order, so equal scores keep a stable order by coach id).
    /// </summary>
    public static long Rank(int score, int position) => ((long)score << 32) | (uint)(int.MaxValue - position);

    public static int PositionOf(long rank) => int.MaxValue - (int)(rank & 0xFFFFFFFF);
    public static int ScoreOf(long rank) => (int)(rank >> 32);
}
