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

/// <summary>
/// S3-compatible object storage for stored files (CVs, later photos), so instances need no shared disk. All unset: files
/// stay on the file system (<see cref="MatchingOptions.CvStoragePath"/>). Partly set stops the app at start-up.
/// </summary>
internal sealed class S3StorageOptions : IValidatableObject
{
    public const string Section = "Storage:S3";
    /// <summary>The S3-compatible endpoint, e.g. https://s3.eu-central-1.amazonaws.com or a MinIO URL; unset: AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }
    public string? Bucket { get; set; }
    public string? AccessKey { get; set; }
    /// <summary>Never logged, never shown in a message.</summary>
    public string? SecretKey { get; set; }
    /// <summary>The signing region; with a <see cref="ServiceUrl"/> it defaults to us-east-1.</summary>
    public string? Region { get; set; }
    /// <summary>Path-style addresses (<c>{url}/{bucket}/{key}</c>), as most S3-compatible servers want; false: <c>{bucket}.{host}</c>.</summary>
    public bool? PathStyle { get; set; }
    /// <summary>How long one call to the store may take before the request answers 503.</summary>
    [Range(1, 300)] public int TimeoutSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(ServiceUrl) || !string.IsNullOrWhiteSpace(Bucket) || !string.IsNullOrWhiteSpace(AccessKey)
        || !string.IsNullOrWhiteSpace(SecretKey) || !string.IsNullOrWhiteSpace(Region) || PathStyle is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        const string partly = "must be set when any Storage:S3 setting is (set ServiceUrl or Region, Bucket, AccessKey and SecretKey; or none of them to keep files on the file system)";
        if (string.IsNullOrWhiteSpace(Bucket)) yield return new(partly, [nameof(Bucket)]);
        else if (!System.Text.RegularExpressions.Regex.IsMatch(Bucket, "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))
            yield return new("must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens", [nameof(Bucket)]);
        if (string.IsNullOrWhiteSpace(AccessKey)) yield return new(partly, [nameof(AccessKey)]);
        if (string.IsNullOrWhiteSpace(SecretKey)) yield return new(partly, [nameof(SecretKey)]);
        if (string.IsNullOrWhiteSpace(ServiceUrl) && string.IsNullOrWhiteSpace(Region)) yield return new(partly, [nameof(ServiceUrl)]);
        if (!string.IsNullOrWhiteSpace(ServiceUrl))
        {
            if (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                yield return new("must be an absolute http or https URL", [nameof(ServiceUrl)]);
            else if (url.UserInfo.Length > 0)
                yield return new("must not hold credentials; set AccessKey and SecretKey", [nameof(ServiceUrl)]);
        }
    }
}
