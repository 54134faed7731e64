using System.Globalization;

namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// The reviews factor of the ranking: a Bayesian average, as if every coach also had <see cref="PriorWeight"/> reviews of
/// <see cref="PriorMean"/>, so a few reviews move a coach little. Points are 10 per star the Bayesian average lies above or
/// below the prior, at most ±10; under <see cref="MinReviews"/> reviews the factor gives no points and shows no reason.
/// </summary>
internal static class RatingFactor
{
    public const int MinReviews = 3;
    public const double PriorMean = 4.0;
    public const int PriorWeight = 5;
    public const int PointsPerStar = 10;
    public const int MaxPoints = 10;

    public static double Bayesian(double average, int count) => (PriorMean * PriorWeight + average * count) / (PriorWeight + count);

    public static int Points(double average, int count) => count < MinReviews
        ? 0
        : (int)Math.Clamp(Math.Round((Bayesian(average, count) - PriorMean) * PointsPerStar, MidpointRounding.AwayFromZero), -MaxPoints, MaxPoints);

    public static bool Explained(int count) => count >= MinReviews;

    public static string Reason(double average, int count) =>
        $"Rated {average.ToString("0.0", CultureInfo.InvariantCulture)} by {count} coachee{(count == 1 ? "" : "s")}";
}
