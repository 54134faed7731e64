namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// Every number the ranking uses, in one table. Both paths read it: <see cref="Scoring.Points"/>, which scores every listed
/// coach, and <see cref="Scoring.Score"/>, which explains the coaches shown; a test holds the two equal.
/// To add a factor: a row (or a few) here, and one method in <see cref="Scoring"/> listed in <see cref="Scoring.Factors"/>.
/// </summary>
internal static class RankingWeights
{
    // Interview types: per type the coach coaches that the coachee wants, plus a bonus for the people coached in the best of them.
    public const int PerSharedInterviewType = 12;
    public const int PeoplePerCoachedBonusPoint = 5;
    public const int MaxCoachedBonus = 8;

    // Target roles: the coach coaches at least one of them.
    public const int SharedRole = 10;

    // Target companies the coach worked at.
    public const int PerTargetCompany = 12;
    public const int MaxTargetCompanies = 2;

    // A target company the coach has interviewed for, as an interviewer or a candidate: they know its loop first-hand.
    // At most one counts, and it adds to having worked there (a different fact: the culture, not the interview).
    public const int InterviewedForTarget = 8;

    // From the coachee's CV (decision 0020): skills and technologies the coach coaches, and a past employer the coach
    // also worked at (one that is not a quiz target already).
    public const int PerSharedCvSkill = 6;
    public const int MaxSharedCvSkills = 3;
    public const int SharedCvEmployer = 8;

    // Language: a shared one, or none of the coachee's.
    public const int SharedLanguage = 8;
    public const int NoSharedLanguage = -30;

    // Weekly hours overlapping: per half-hour (4 per hour), capped; none when the coachee gave hours.
    public const int PerOverlappingHalfHour = 2;
    public const int MaxOverlap = 24;
    public const int NoOverlap = -10;

    // Budget: the coach's cheapest session in the budget's currency (there is no conversion).
    public const int WithinBudget = 12;
    public const int AboveBudget = -10;

    // Experience: at least the years the coachee's seniority asks for.
    public const int EnoughExperience = 5;

    /// <summary>The years of experience each seniority asks of a coach.</summary>
    public static int RequiredYears(string? seniority) => seniority switch
    {
        "junior" => 1, "mid" => 3, "senior" => 5, "staff" => 8, "principal" => 10, "manager" => 6, _ => 0,
    };

    // Responsiveness: the median minutes to a first reply, and conversations waiting past the promise.
    public const int FastReplyMinutes = 120;
    public const int FastReply = 10;
    public const int DayReplyMinutes = 1440;
    public const int DayReply = 4;
    public const int SlowReply = -10;
    public const int PerOverdueConversation = -8;
    public const int MaxOverduePenalty = -40;

    // Reviews: a Bayesian average, as if every coach also had ReviewPriorWeight reviews of ReviewPrior, so a few reviews move
    // a coach little; points per star above or below the prior, capped; under MinReviews no points and no reason.
    public const double ReviewPrior = 4.0;
    public const int ReviewPriorWeight = 5;
    public const int PerStarAbovePrior = 10;
    public const int MaxReviewPoints = 10;
    public const int MinReviews = 3;
}
