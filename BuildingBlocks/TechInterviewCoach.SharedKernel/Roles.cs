namespace TechInterviewCoach.SharedKernel;

/// <summary>The three roles of the marketplace. Stored lower-case; used as role claims.</summary>
public static class Roles
{
    public const string Coachee = "coachee";
    public const string Coach = "coach";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Coachee, Coach, Admin];
}

/// <summary>Authorization policy names registered by the platform.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Coach = "coach";
    public const string Coachee = "coachee";
    /// <summary>Signed in and onboarded (role chosen, terms accepted).</summary>
    public const string Member = "member";
}
