using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Matching.Data;

/// <summary>CV bytes on disk, encrypted with Data Protection, named by a random id (never the uploaded name).</summary>
internal sealed class CvStore(IOptions<MatchingOptions> options, IHostEnvironment environment, IDataProtectionProvider dataProtection, ILogger<CvStore> logger)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Matching.Cv.v1");

    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.CvStoragePath));

    private string PathFor(string storageId) =>
        storageId.Length == 32 && storageId.All(char.IsAsciiHexDigitLower) ? Path.Combine(Directory, storageId + ".bin")
            : throw new InvalidOperationException("Bad CV storage id.");

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var id = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathFor(id), _protector.Protect(content), ct);
        return id;
    }

    public async Task<byte[]?> ReadAsync(string storageId, CancellationToken ct)
    {
        var path = PathFor(storageId);
        if (!File.Exists(path)) return null;
        return _protector.Unprotect(await File.ReadAllBytesAsync(path, ct));
    }

    public void Delete(string storageId)
    {
        try { File.Delete(PathFor(storageId)); }
        catch (IOException ex) { logger.LogWarning(ex, "Could not delete CV file {StorageId}", storageId); }
    }
}

/// <summary>A CV's metadata as its owner and the coaches they talk to see it.</summary>
internal sealed record CvInfo(string FileName, long SizeBytes, DateTime UploadedAt)
{
    /// <summary>A CV only ever leaves as a download: application/pdf, attachment, nosniff.</summary>
    public IResult Download(HttpContext http, byte[] content)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(content, "application/pdf", FileName);
    }
}
