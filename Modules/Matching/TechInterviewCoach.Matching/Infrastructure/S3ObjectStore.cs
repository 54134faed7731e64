using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TechInterviewCoach.Matching.Infrastructure;

/// <summary>The configured S3 bucket and its client (AWSSDK.S3), made on first use: only when Storage:S3 is set.</summary>
internal sealed class S3Bucket(IOptions<S3StorageOptions> options) : IDisposable
{
    private readonly Lazy<AmazonS3Client> _client = new(() => Create(options.Value));

    public IAmazonS3 Client => _client.Value;
    public string Name => options.Value.Bucket!;

    /// <summary>Where the bucket is, for the start-up log line: scheme, host and port (or the AWS region); never a key.</summary>
    public string Describe()
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ServiceUrl)) return $"the S3 bucket {Name} in AWS region {o.Region}";
        var url = new Uri(o.ServiceUrl);
        return $"the S3 bucket {Name} at {url.Scheme}://{url.Host}:{url.Port}";
    }

    private static AmazonS3Client Create(S3StorageOptions o)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.PathStyle ?? false,
            // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            IgnoreConfiguredEndpointUrls = true, // the endpoint is ours, not an AWS_ENDPOINT_URL of the machine
            Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds),
            MaxErrorRetry = 2,
        };
        if (string.IsNullOrWhiteSpace(o.ServiceUrl)) config.RegionEndpoint = RegionEndpoint.GetBySystemName(o.Region);
        else
        {
            config.ServiceURL = o.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(o.Region) ? "us-east-1" : o.Region;
        }
        return new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
    }

    /// <summary>A failure that means "the store cannot be reached or refuses us" (not "no such object").</summary>
    public static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    /// <summary>What may be logged of a failure: the S3 error code and status, or the exception type; no message, no request.</summary>
    public static string Summary(Exception ex) =>
        ex is AmazonServiceException s ? $"{s.ErrorCode ?? "no code"} ({(int)s.StatusCode})" : ex.GetType().Name;

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }
}

/// <summary>Objects in one area of the S3 bucket: keys under <c>{area}/</c>.</summary>
internal sealed class S3ObjectStore(S3Bucket bucket, string prefix, ILogger<S3ObjectStore> logger) : IObjectStore
{
    public string Location => $"{bucket.Describe()} under {prefix}";

    public Task PutAsync(string key, byte[] content, CancellationToken ct) =>
        CallAsync("put", key, ct, async () =>
        {
            using var body = new MemoryStream(content, writable: false);
            await bucket.Client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket.Name, Key = prefix + ObjectKey.Ensure(key), InputStream = body, AutoCloseStream = false,
                ContentType = "application/octet-stream",
            }, ct);
            return true;
        });

    public Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
        CallAsync("get", key, ct, async () =>
        {
            try
            {
                using var response = await bucket.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket.Name, Key = prefix + ObjectKey.Ensure(key) }, ct);
                using var bytes = new MemoryStream();
                await response.ResponseStream.CopyToAsync(bytes, ct);
                return bytes.ToArray();
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode == "NoSuchKey") { return null; }
        });

    public Task DeleteAsync(string key, CancellationToken ct) =>
        CallAsync("delete", key, ct, async () =>
        {
            await bucket.Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket.Name, Key = prefix + ObjectKey.Ensure(key) }, ct);
            return true;
        });

    private async Task<T> CallAsync<T>(string operation, string key, CancellationToken ct, Func<Task<T>> call)
    {
        try { return await call(); }
        catch (Exception ex) when (S3Bucket.IsUnreachable(ex, ct))
        {
            logger.LogWarning("Object storage {Operation} of {Key} failed: {Failure}", operation, prefix + key, S3Bucket.Summary(ex));
            throw ObjectKey.Unavailable();
        }
    }
}

/// <summary>Readiness: with Storage:S3 set, the bucket answers (HeadBucket) within a few seconds. On the file system there is nothing to reach.</summary>
internal sealed class ObjectStorageHealthCheck(IOptions<S3StorageOptions> options, S3Bucket bucket) : IHealthCheck
{
    public const string Name = "object-storage";
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled) return HealthCheckResult.Healthy("files on the file system");
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ProbeWait);
        try
        {
            await bucket.Client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket.Name }, wait.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (S3Bucket.IsUnreachable(ex, cancellationToken))
        {
            return HealthCheckResult.Unhealthy($"the object storage bucket cannot be reached: {S3Bucket.Summary(ex)}");
        }
    }
}
