namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// What ranking needs to know about every listed coach, laid out as parallel arrays indexed by position (coaches sorted
/// by id, so a smaller index is a smaller id). Ranking 100,000 coaches walks these arrays front to back: a few
/// megabytes read in order, no object per coach to chase. Immutable once built.
/// </summary>
internal sealed class MatchSnapshot
{
    public const int SlotWords = 6;
    public static readonly int TypeCount = QuizDefinition.InterviewTypes.Count;

    public required long Version { get; init; }
    public required DateTime BuiltAt { get; init; }
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

    /// <summary>Indexes of coaches whose masks contain every bit of the filters, in id order.</summary>
    public IEnumerable<int> Where(int types, long languages, int roles)
    {
        for (var i = 0; i < Ids.Length; i++)
            if ((Types[i] & types) == types && (Languages[i] & languages) == languages && (Roles[i] & roles) == roles) yield return i;
    }
}
