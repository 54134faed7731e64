namespace TechInterviewCoach.Matching.Domain;

/// <summary>
/// Points of the ranking factors read from the coachee's CV (decision 0020): each skill or technology from the CV that
/// the coach coaches, up to a few, and each past employer the coach also worked at.
/// </summary>
internal static class CvSignalWeights
{
    public const int PerSharedSkill = 6;
    public const int MaxSharedSkills = 3;
    public const int PerSharedEmployer = 8;
    public const int MaxSharedEmployers = 1;

    public static int SkillPoints(int shared) => PerSharedSkill * Math.Min(MaxSharedSkills, shared);
    public static int EmployerPoints(int shared) => PerSharedEmployer * Math.Min(MaxSharedEmployers, shared);

    /// <summary>"Kubernetes", "Kubernetes and Go", "Kubernetes, Go and Kafka".</summary>
    public static string Join(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
