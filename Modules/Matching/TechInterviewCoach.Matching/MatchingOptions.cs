using System.ComponentModel.DataAnnotations;

namespace TechInterviewCoach.Matching;

internal sealed class MatchingOptions
{
    public const string Section = "Matching";
    /// <summary>Directory for encrypted CV files, relative to the content root; outside the web root.</summary>
    [Required] public string CvStoragePath { get; set; } = "data/cv";
    /// <summary>Directory for coach photos (re-encoded WebP, public), relative to the content root.</summary>
    [Required] public string PhotoStoragePath { get; set; } = "data/photos";
    /// <summary>Origins (space- or comma-separated) a coach's LinkedIn picture may be fetched from, when the coach chooses to use it.</summary>
    [Required] public string LinkedInPictureOrigins { get; set; } = "https://media.licdn.com";
    /// <summary>How long fetching a LinkedIn picture may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "must be between 1 second and 1 minute.")] public TimeSpan LinkedInPictureTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often (at most) an instance re-reads the listed coaches' version counter; 0 checks on every request.</summary>
    [Range(0, 60_000)] public int SnapshotCheckMilliseconds { get; set; } = 0;
    /// <summary>How long a request waits for a snapshot rebuild before it ranks on the previous snapshot.</summary>
    [Range(0, 60_000)] public int SnapshotRebuildWaitMilliseconds { get; set; } = 250;
}
