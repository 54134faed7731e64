namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// What was read from a coachee's CV, as the coachee corrected it (one per person). Matching data under the same rule
/// as the CV: shown to a coach only with an active grant, logged, exported, deleted with the CV or the account. The
/// CV's text is never stored: only these items.
/// </summary>
internal sealed class CvReading
{
    public Guid UserId { get; set; }
    /// <summary>False when the PDF had no text layer (a scan): nothing was read.</summary>
    public bool HasText { get; set; }
    /// <summary>Skill names from the vocabulary, as a JSON array.</summary>
    public string SkillsJson { get; set; } = "[]";
    /// <summary>Past employers, as a JSON array.</summary>
    public string EmployersJson { get; set; } = "[]";
    public int? YearsOfExperience { get; set; }
    public string? Title { get; set; }
    /// <summary>A quiz seniority code.</summary>
    public string? Seniority { get; set; }
    public DateTime ReadAt { get; set; }
    /// <summary>When the coachee last corrected an item; null while it is as read.</summary>
    public DateTime? CorrectedAt { get; set; }
}
