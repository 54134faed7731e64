using System.Globalization;
using System.Numerics;
using static TechInterviewCoach.Matching.Domain.RankingWeights;

namespace TechInterviewCoach.Matching.Domain;

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
    /// <summary>What a coach with none of the seeker's languages gets (0 when the seeker gave none).</summary>
    public int NoLanguagePoints => LanguagesMask != 0 ? NoSharedLanguage : 0;
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

    /// <summary>One entry per snapshot company id: 1 when it is one of the targets (<see cref="CompanyIds"/>).</summary>
    public byte[] TargetTable { get; init; } = [];
    /// <summary>One entry per snapshot company id: 1 when it is one of the CV's past employers (<see cref="CvEmployerIds"/>).</summary>
    public int[] EmployerTable { get; init; } = [];

    /// <summary>One entry per vocabulary skill: 1 when the coachee's CV names it (as they corrected it).</summary>
    public byte[] CvSkills { get; init; } = new byte[Vocabulary.Skills.Terms.Count];
    public bool HasCvSkills { get; init; }
    /// <summary>The CV's past employers as snapshot ids, without the quiz targets (those count as targets already).</summary>
    public int[] CvEmployerIds { get; init; } = [];
    /// <summary>The seniority's label when it comes from the CV because the quiz left it open; else null.</summary>
    public string? CvSeniorityLabel { get; init; }

    /// <summary>Whether the company (a snapshot id) is one of the CV's past employers.</summary>
    public bool WorkedAt(int companyId)
    {
        foreach (var id in CvEmployerIds) if (id == companyId) return true;
        return false;
    }
}

/// <summary>One explainable part of a score: which factor, how many points, and the plain words for it.</summary>
internal sealed record ScoreComponent(string Factor, int Points, string Reason);

/// <summary>One factor of a score: the points coach <c>c</c> gets for it and, with <c>explain</c>, the reason in plain words.</summary>
internal delegate int Factor(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain);

/// <summary>
/// The ranking, as rules a person can follow: one method per factor below, every number from <see cref="RankingWeights"/>.
/// Equal scores are ordered by coach id.
/// </summary>
internal static class Scoring
{
    /// <summary>Every factor, in the order its reason is listed.</summary>
    public static readonly Factor[] Factors =
        [InterviewTypes, Roles, Companies, InterviewedFor, CvSkills, CvEmployers, Language, Availability, Budget, Experience, Responsiveness, Reviews];

    /// <summary>The score; with <paramref name="explain"/> also its components (only for the coaches shown).</summary>
    public static int Score(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var score = 0;
        foreach (var factor in Factors) score += factor(s, m, c, explain);
        return score;
    }

    /// <summary>Interview types the coach coaches that the coachee wants, and how many people they coached in the best of them.</summary>
    public static int InterviewTypes(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var shared = s.TypesMask & m.Types[c];
        if (shared == 0) return 0;
        var best = -1; var bestCount = -1;
        var coached = m.Coached.AsSpan(c * MatchSnapshot.TypeCount, MatchSnapshot.TypeCount);
        for (var bits = (uint)shared; bits != 0; bits &= bits - 1)
        {
            var i = BitOperations.TrailingZeroCount(bits);
            if (coached[i] > bestCount) { best = i; bestCount = coached[i]; }
        }
        var pts = PerSharedInterviewType * BitOperations.PopCount((uint)shared) + CoachedBonus(bestCount);
        if (explain is not null)
        {
            var label = QuizDefinition.InterviewTypes[best].Label;
            explain.Add(new("interview_types", pts, bestCount > 0 ? $"Coached {label} for {bestCount} {(bestCount == 1 ? "person" : "people")}" : $"Coaches {label} interviews"));
        }
        return pts;
    }

    /// <summary>The coach coaches one of the coachee's target roles.</summary>
    public static int Roles(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var roles = s.RolesMask & m.Roles[c];
        if (roles == 0) return 0;
        if (explain is not null)
        {
            var role = QuizDefinition.Roles[BitOperations.TrailingZeroCount(roles)];
            explain.Add(new("roles", SharedRole, role.Code == "em" ? "Coaches engineering managers" : $"Coaches {role.Label.ToLowerInvariant()} engineers"));
        }
        return SharedRole;
    }

    /// <summary>Target companies the coach worked at, up to <see cref="MaxTargetCompanies"/>.</summary>
    public static int Companies(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if ((s.CompanyBloom & m.CompanyBloom[c]) == 0) return 0;
        var matched = 0;
        for (var i = m.CompanyStart[c]; i < m.CompanyStart[c + 1] && matched < MaxTargetCompanies; i++)
            if (s.Targets(m.CompanyIds[i]))
            {
                matched++;
                explain?.Add(new("companies", PerTargetCompany, $"Worked at {m.CompanyNames[i]}"));
            }
        return PerTargetCompany * matched;
    }

    /// <summary>A target company the coach has interviewed for, as an interviewer or a candidate (at most one counts).</summary>
    public static int InterviewedFor(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if ((s.CompanyBloom & m.InterviewedBloom[c]) == 0) return 0;
        for (var i = m.InterviewedStart[c]; i < m.InterviewedStart[c + 1]; i++)
            if (s.Targets(m.InterviewedIds[i]))
            {
                explain?.Add(new("interviewed_for", InterviewedForTarget, $"Has interviewed for {m.InterviewedNames[i]}"));
                return InterviewedForTarget;
            }
        return 0;
    }

    /// <summary>Skills and technologies from the coachee's CV that the coach coaches, up to <see cref="MaxSharedCvSkills"/>.</summary>
    public static int CvSkills(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if (!s.HasCvSkills) return 0;
        var shared = 0;
        var end = m.SkillStart[c + 1];
        for (var i = m.SkillStart[c]; i < end; i++) shared += s.CvSkills[m.SkillIds[i]];
        if (shared == 0) return 0;
        var pts = PerSharedCvSkill * Math.Min(MaxSharedCvSkills, shared);
        if (explain is not null)
        {
            var names = new List<string>();
            for (var i = m.SkillStart[c]; i < end && names.Count < MaxSharedCvSkills; i++)
                if (s.CvSkills[m.SkillIds[i]] != 0) names.Add(Vocabulary.Skills.Terms[m.SkillIds[i]].Name);
            var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
            explain.Add(new("cv_skills", pts, $"Coaches {list}, from your CV"));
        }
        return pts;
    }

    /// <summary>A past employer from the coachee's CV that the coach also worked at (at most one counts).</summary>
    public static int CvEmployers(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if (s.CvEmployerIds.Length == 0) return 0;
        for (var i = m.CompanyStart[c]; i < m.CompanyStart[c + 1]; i++)
            if (s.WorkedAt(m.CompanyIds[i]))
            {
                explain?.Add(new("cv_employers", SharedCvEmployer, $"Worked at {m.CompanyNames[i]}, like you"));
                return SharedCvEmployer;
            }
        return 0;
    }

    /// <summary>A language both speak; none of the coachee's costs points.</summary>
    public static int Language(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var langs = s.LanguagesMask & m.Languages[c];
        if (langs != 0)
        {
            explain?.Add(new("language", SharedLanguage, $"Speaks {QuizDefinition.Languages[BitOperations.TrailingZeroCount(langs)].Label}"));
            return SharedLanguage;
        }
        if (s.LanguagesMask == 0) return 0;
        explain?.Add(new("language", NoSharedLanguage, "Speaks none of your languages"));
        return NoSharedLanguage;
    }

    /// <summary>Weekly hours both are available.</summary>
    public static int Availability(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var half = m.OverlapHalfHours(s.Slots, c);
        var pts = OverlapPoints(half, s.HasSlots);
        if (pts != 0) explain?.Add(new("availability", pts, half > 0 ? $"Overlaps {FormatHours(half)} of your weekly hours" : "No overlap with your weekly hours"));
        return pts;
    }

    /// <summary>The coach's cheapest session within the coachee's budget, or above it (same currency only; there is no conversion).</summary>
    public static int Budget(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if (s.BudgetMinor is not { } budget || m.MinPriceAt(c, s.CurrencyIndex) is not { } price) return 0;
        var within = price <= budget;
        var pts = within ? WithinBudget : AboveBudget;
        explain?.Add(new("budget", pts, $"{(within ? "Within" : "Above")} your budget ({Currencies.Format(price, s.Currency!)} per session)"));
        return pts;
    }

    /// <summary>The years of experience the coachee's seniority asks for.</summary>
    public static int Experience(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if (s.RequiredYears <= 0 || m.Years[c] < s.RequiredYears) return 0;
        explain?.Add(new("experience", EnoughExperience, s.CvSeniorityLabel is { } level
            ? $"{m.Years[c]} years of experience, enough for the {level.ToLowerInvariant()} level on your CV"
            : $"{m.Years[c]} years of experience"));
        return EnoughExperience;
    }

    /// <summary>How fast the coach answers first messages, and conversations waiting for a first reply.</summary>
    public static int Responsiveness(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        var pts = 0;
        if (m.MedianReply[c] is var median && !float.IsNaN(median))
        {
            var reply = ResponsivenessPoints(median);
            pts += reply;
            explain?.Add(new("responsiveness", reply, median <= FastReplyMinutes ? $"Answers within {FormatDuration(median)} on average"
                : median <= DayReplyMinutes ? "Usually answers within a day" : "Slow to answer (more than a day on average)"));
        }
        if (m.Overdue[c] is var overdue && overdue > 0)
        {
            var waiting = OverduePoints(overdue);
            pts += waiting;
            explain?.Add(new("responsiveness", waiting, $"{overdue} conversation{(overdue == 1 ? "" : "s")} waiting for a first reply"));
        }
        return pts;
    }

    /// <summary>The coachees' ratings: "Rated 4.8 by 12 coachees" (precomputed <see cref="ReviewPoints"/>); nothing under <see cref="MinReviews"/> reviews.</summary>
    public static int Reviews(SeekerFeatures s, MatchSnapshot m, int c, List<ScoreComponent>? explain)
    {
        if (m.RatingCount[c] < MinReviews) return 0;
        var pts = m.RatingPoints[c];
        explain?.Add(new("reviews", pts, ReviewReason(m.RatingAverage[c], m.RatingCount[c])));
        return pts;
    }

    /// <summary>
    /// The same score as <see cref="Score"/> without the words, for ranking every listed coach: the parts that depend
    /// only on the coach come precomputed from the snapshot (<see cref="CoachPoints"/>), every factor is inline (no
    /// delegate call per coach), and company and skill matches are lookups in per-request tables. A test holds the two equal.
    /// </summary>
    public static int Points(SeekerFeatures s, MatchSnapshot m, int c)
    {
        // Without data-dependent branches: coaches differ at random, so branches would be mispredicted about half the
        // time, and that, not the arithmetic, is what this loop spent its time on. Conditions become 0/1 (setcc) and
        // multiply; the piecewise parts are per-request tables.
        var score = m.CoachPoints[c]; // Responsiveness
        score += m.RatingPoints[c]; // Reviews
        // InterviewTypes
        var types = m.Types[c];
        var bonus = m.CoachedBonus.AsSpan(c * MatchSnapshot.TypeCount, MatchSnapshot.TypeCount);
        var best = 0;
        foreach (var t in s.TypeIndexes)
        {
            var v = ((types >> t) & 1) * bonus[t];
            best ^= (best ^ v) & -Bit(v > best);
        }
        score += PerSharedInterviewType * BitOperations.PopCount((uint)(s.TypesMask & types)) + best;
        // Roles
        score += SharedRole * Bit((s.RolesMask & m.Roles[c]) != 0);
        // Companies and CvEmployers: per-request tables by company id, one walk over the coach's few companies
        var matched = 0;
        var worked = 0;
        var end = m.CompanyStart[c + 1];
        var companyIds = m.CompanyIds;
        var targets = s.TargetTable;
        var employers = s.EmployerTable;
        for (var i = m.CompanyStart[c]; i < end; i++)
        {
            var id = companyIds[i];
            matched += targets[id];
            worked |= employers[id];
        }
        score += PerTargetCompany * Math.Min(MaxTargetCompanies, matched) + SharedCvEmployer * worked;
        // InterviewedFor: the same target table over the companies interviewed for; at most one counts
        var interviewed = 0;
        var interviewedEnd = m.InterviewedStart[c + 1];
        var interviewedIds = m.InterviewedIds;
        for (var i = m.InterviewedStart[c]; i < interviewedEnd; i++) interviewed |= targets[interviewedIds[i]];
        score += InterviewedForTarget * interviewed;
        // CvSkills
        var shared = 0;
        var skillEnd = m.SkillStart[c + 1];
        var skillIds = m.SkillIds;
        var cvSkills = s.CvSkills;
        for (var i = m.SkillStart[c]; i < skillEnd; i++) shared += cvSkills[skillIds[i]];
        score += PerSharedCvSkill * Math.Min(MaxSharedCvSkills, shared);
        // Language
        score += s.NoLanguagePoints + (SharedLanguage - s.NoLanguagePoints) * Bit((s.LanguagesMask & m.Languages[c]) != 0);
        // Availability
        var half = 0;
        foreach (var (word, bits) in s.SlotWords) half += BitOperations.PopCount(bits & m.Slots[word * m.Ids.Length + c]);
        score += s.OverlapPoints[half];
        // Budget
        if (s.CurrencyIndex >= 0 && s.BudgetMinor is { } budget)
        {
            var price = m.MinPrice[c * m.Currencies.Length + s.CurrencyIndex];
            score += Bit(price >= 0) * (AboveBudget + (WithinBudget - AboveBudget) * Bit(price <= budget));
        }
        // Experience
        score += EnoughExperience * Bit(m.Years[c] >= s.RequiredYearsOrMax);
        return score;
    }

    private static int Bit(bool b) => b ? 1 : 0;

    /// <summary>Points for overlapping half-hours, capped; none overlapping costs points when the seeker gave hours.</summary>
    public static int OverlapPoints(int halfHours, bool seekerHasSlots) =>
        halfHours > 0 ? Math.Min(MaxOverlap, PerOverlappingHalfHour * halfHours) : seekerHasSlots ? NoOverlap : 0;

    /// <summary>The bonus for how many people a coach coached in the best shared interview type.</summary>
    public static int CoachedBonus(int coached) => Math.Min(MaxCoachedBonus, Math.Max(0, coached) / PeoplePerCoachedBonusPoint);

    public static int ResponsivenessPoints(float medianMinutes) =>
        medianMinutes <= FastReplyMinutes ? FastReply : medianMinutes <= DayReplyMinutes ? DayReply : SlowReply;

    public static int OverduePoints(int overdue) => Math.Max(MaxOverduePenalty, PerOverdueConversation * overdue);

    /// <summary>The points that depend on the coach alone (responsiveness), precomputed into the snapshot.</summary>
    public static int CoachPoints(float medianMinutes, int overdue) =>
        (float.IsNaN(medianMinutes) ? 0 : ResponsivenessPoints(medianMinutes)) + (overdue > 0 ? OverduePoints(overdue) : 0);

    /// <summary>The Bayesian average of <paramref name="count"/> ratings averaging <paramref name="average"/> against the prior.</summary>
    public static double BayesianRating(double average, int count) =>
        (ReviewPrior * ReviewPriorWeight + average * count) / (ReviewPriorWeight + count);

    /// <summary>Points for the coach's reviews: per star the Bayesian average lies above or below the prior, capped; 0 under the minimum.</summary>
    public static int ReviewPoints(double average, int count) => count < MinReviews
        ? 0
        : (int)Math.Clamp(Math.Round((BayesianRating(average, count) - ReviewPrior) * PerStarAbovePrior, MidpointRounding.AwayFromZero), -MaxReviewPoints, MaxReviewPoints);

    public static string ReviewReason(double average, int count) =>
        $"Rated {average.ToString("0.0", CultureInfo.InvariantCulture)} by {count} coachee{(count == 1 ? "" : "s")}";

    public static int Mask(IReadOnlyList<Option> options, IEnumerable<string> codes)
    {
        var mask = 0;
        foreach (var c in codes) if (QuizDefinition.IndexOf(options, c) is >= 0 and var i) mask |= 1 << i;
        return mask;
    }

    public static string CompanyKey(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary>The coachee's side: the quiz, and what was read from the CV (<paramref name="cv"/>, as corrected; null without a CV).</summary>
    public static SeekerFeatures Seeker(QuizAnswers q, MatchSnapshot snapshot, CvFacts? cv = null)
    {
        var companies = q.TargetCompanies.Select(CompanyKey).Where(k => k.Length > 0).ToArray();
        var ids = companies.Select(k => snapshot.CompanyIndex.TryGetValue(k, out var id) ? id : -1).Where(id => id >= 0).Distinct().ToArray();
        var cvSkills = new byte[Vocabulary.Skills.Terms.Count];
        foreach (var skill in cv?.Skills ?? []) if (Vocabulary.Skills.Find(skill) is { } term) cvSkills[term.Id] = 1;
        var employers = (cv?.Employers ?? []).Select(e => snapshot.CompanyIndex.TryGetValue(CompanyKey(e), out var id) ? id : -1)
            .Where(id => id >= 0 && !ids.Contains(id)).Distinct().ToArray();
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
            RequiredYears = RankingWeights.RequiredYears(q.Seniority ?? cv?.Seniority),
            CvSkills = cvSkills,
            HasCvSkills = cvSkills.Contains((byte)1),
            CvEmployerIds = employers,
            CvSeniorityLabel = q.Seniority is null && cv?.Seniority is { } fromCv ? QuizDefinition.Label(QuizDefinition.Seniorities, fromCv) : null,
            BudgetMinor = q.BudgetMinor,
            Currency = q.BudgetCurrency,
            CompanyIds = ids,
            CompanyBloom = ids.Aggregate(0UL, (bloom, id) => bloom | 1UL << (id & 63)),
            TargetTable = Table<byte>(snapshot.CompanyIndex.Count, ids, 1),
            EmployerTable = Table(snapshot.CompanyIndex.Count, employers, 1),
            CurrencyIndex = snapshot.CurrencyIndex(q.BudgetCurrency),
        };
    }

    private static T[] Table<T>(int size, int[] ids, T one)
    {
        var table = new T[size];
        foreach (var id in ids) table[id] = one;
        return table;
    }

    /// <summary>
    /// The best <paramref name="k"/> coaches passing the filters, best first, as <see cref="Rank"/> numbers, and how many
    /// passed. One pass over the snapshot's arrays with a bounded min-heap whose root is the worst coach kept.
    /// </summary>
    public static (List<long> Ranked, int Total) Top(MatchSnapshot snapshot, SeekerFeatures seeker, int type, long lang, int minHalf, long? maxBudget, int k)
    {
        var heap = new PriorityQueue<int, long>(Math.Min(k, snapshot.Count) + 1);
        var worst = long.MinValue;
        var total = 0;
        var types = snapshot.Types;
        var languages = snapshot.Languages;
        for (var c = 0; c < types.Length; c++)
        {
            if ((types[c] & type) != type || (languages[c] & lang) != lang) continue;
            if (minHalf > 0 && snapshot.OverlapHalfHours(seeker.Slots, c) < minHalf) continue;
            if (maxBudget is { } max && (snapshot.MinPriceAt(c, seeker.CurrencyIndex) is not { } price || price > max)) continue;
            total++;
            var rank = Rank(Points(seeker, snapshot, c), c);
            if (heap.Count < k)
            {
                heap.Enqueue(c, rank);
                if (heap.Count == k) heap.TryPeek(out _, out worst);
            }
            else if (rank > worst)
            {
                heap.EnqueueDequeue(c, rank);
                heap.TryPeek(out _, out worst);
            }
        }
        var ranked = new List<long>(heap.Count);
        while (heap.TryDequeue(out _, out var rank)) ranked.Add(rank);
        ranked.Reverse();
        return (ranked, total);
    }

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
