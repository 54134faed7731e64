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
    public string[] CompaniesKey { get; init; } = [];
    public WeekSlots Slots { get; init; }
    public int RequiredYears { get; init; }
    public long? BudgetMinor { get; init; }
    public string? Currency { get; init; }
}

/// <summary>One explainable part of a score: which factor, how many points, and the plain words for it.</summary>
internal sealed record ScoreComponent(string Factor, int Points, string Reason);

/// <summary>
/// The ranking, as points a person can follow. Interview types coached (+12 each, + up to 8 for how many people were
/// coached), target roles (+10), target companies worked at (+12 each, at most 2), a shared language (+8, none: −30),
/// weekly hours overlapping (+2 per hour, at most 20), within budget (+12, above: −10), experience for the seniority (+5),
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

    public static SeekerFeatures Seeker(QuizAnswers q, DateTime utcNow) => new()
    {
        RolesMask = Mask(QuizDefinition.Roles, q.TargetRoles),
        TypesMask = Mask(QuizDefinition.InterviewTypes, q.InterviewTypes),
        LanguagesMask = Mask(QuizDefinition.Languages, q.Languages),
        CompaniesKey = q.TargetCompanies.Select(CompanyKey).Where(k => k.Length > 0).ToArray(),
        Slots = WeekSlots.From(q.Availability, q.TimeZone, WeekSlots.ReferenceMondayUtc(utcNow)),
        RequiredYears = RequiredYears(q.Seniority),
        BudgetMinor = q.BudgetMinor,
        Currency = q.BudgetCurrency,
    };

    /// <summary>The score; with <paramref name="explain"/> also its components (only for the coaches shown).</summary>
    public static int Score(SeekerFeatures s, CoachFeatures c, List<ScoreComponent>? explain)
    {
        var score = 0;
        // Interview types.
        var shared = s.TypesMask & c.TypesMask;
        if (shared != 0)
        {
            var best = -1; var bestCount = -1;
            for (var i = 0; i < c.Coached.Length; i++)
                if ((shared & (1 << i)) != 0 && c.Coached[i] > bestCount) { best = i; bestCount = c.Coached[i]; }
            var pts = 12 * System.Numerics.BitOperations.PopCount((uint)shared) + Math.Min(8, bestCount / 5);
            score += pts;
            if (explain is not null)
            {
                var label = QuizDefinition.InterviewTypes[best].Label;
                explain.Add(new("interview_types", pts, bestCount > 0 ? $"Coached {label} for {bestCount} {(bestCount == 1 ? "person" : "people")}" : $"Coaches {label} interviews"));
            }
        }
        // Roles.
        var roles = s.RolesMask & c.RolesMask;
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
        if (s.CompaniesKey.Length > 0 && c.CompaniesKey.Length > 0)
        {
            var matched = 0;
            for (var i = 0; i < c.CompaniesKey.Length && matched < 2; i++)
                if (Array.IndexOf(s.CompaniesKey, c.CompaniesKey[i]) >= 0)
                {
                    matched++;
                    score += 12;
                    explain?.Add(new("companies", 12, $"Worked at {c.Companies[i]}"));
                }
        }
        // Language.
        var langs = s.LanguagesMask & c.LanguagesMask;
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
        var half = s.Slots.OverlapHalfHours(c.Slots);
        if (half > 0)
        {
            var pts = Math.Min(20, half);
            score += pts;
            explain?.Add(new("availability", pts, $"Overlaps {FormatHours(half)} of your weekly hours"));
        }
        // Budget (same currency only; there is no conversion).
        if (s.BudgetMinor is { } budget && c.MinPriceIn(s.Currency) is { } price)
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
        if (s.RequiredYears > 0 && c.Years >= s.RequiredYears)
        {
            score += 5;
            explain?.Add(new("experience", 5, $"{c.Years} years of experience"));
        }
        // Responsiveness.
        if (c.MedianReplyMinutes is { } median)
        {
            var (pts, text) = median <= 120 ? (10, $"Answers within {FormatDuration(median)} on average")
                : median <= 1440 ? (4, "Usually answers within a day")
                : (-10, "Slow to answer (more than a day on average)");
            score += pts;
            explain?.Add(new("responsiveness", pts, text));
        }
        if (c.Overdue > 0)
        {
            var pts = -Math.Min(40, 8 * c.Overdue);
            score += pts;
            explain?.Add(new("responsiveness", pts, $"{c.Overdue} conversation{(c.Overdue == 1 ? "" : "s")} waiting for a first reply"));
        }
        return score;
    }

    public static string FormatHours(int halfHours) =>
        halfHours % 2 == 0 ? (halfHours / 2).ToString(CultureInfo.InvariantCulture) : (halfHours / 2.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string FormatDuration(double minutes)
    {
        if (minutes < 60) { var m = Math.Max(1, (int)Math.Ceiling(minutes)); return $"{m} minute{(m == 1 ? "" : "s")}"; }
        var h = (int)Math.Ceiling(minutes / 60);
        return $"{h} hour{(h == 1 ? "" : "s")}";
    }

    /// <summary>Orders best first: higher score, then smaller coach id.</summary>
    public static int Better((int Score, Guid Id) a, (int Score, Guid Id) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id);
}
