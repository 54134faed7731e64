using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Matching;

internal sealed class MatchingOptions
{
    public const string Section = "Matching";
    /// <summary>Directory for encrypted CV files, relative to the content root; outside the web root.</summary>
    [Required] public string CvStoragePath { get; set; } = "data/cv";
    /// <summary>How often (at most) an instance re-reads the listed coaches' version counter; 0 checks on every request.</summary>
    [Range(0, 60_000)] public int SnapshotCheckMilliseconds { get; set; } = 0;
    /// <summary>How long a request waits for a snapshot rebuild before it ranks on the previous snapshot.</summary>
    [Range(0, 60_000)] public int SnapshotRebuildWaitMilliseconds { get; set; } = 250;
}
