using Microsoft.AspNetCore.DataProtection;
using TechInterviewCoach.Matching.Infrastructure;

namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// CV bytes in the object store's "cv" area, encrypted with Data Protection before they leave the app, named by a random
/// id (never the uploaded name).
/// </summary>
internal sealed class CvStore([FromKeyedServices(CvStore.Area)] IObjectStore objects, IDataProtectionProvider dataProtection, ILogger<CvStore> logger)
{
    public const string Area = "cv";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Matching.Cv.v1");

    private static string KeyFor(string storageId) =>
        storageId.Length == 32 && storageId.All(char.IsAsciiHexDigitLower) ? storageId + ".bin"
            : throw new InvalidOperationException("Bad CV storage id.");

    /// <summary>Stores the CV under a new id. Throws <see cref="UnavailableException"/> when the store cannot be reached (then nothing was stored).</summary>
    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        await objects.PutAsync(KeyFor(id), _protector.Protect(content), ct);
        return id;
    }

    /// <summary>The CV's bytes, or null when the object is missing.</summary>
    public async Task<byte[]?> ReadAsync(string storageId, CancellationToken ct) =>
        await objects.GetAsync(KeyFor(storageId), ct) is { } bytes ? _protector.Unprotect(bytes) : null;

    /// <summary>Deletes the CV's object; throws <see cref="UnavailableException"/> when the store cannot be reached, so the caller keeps its row.</summary>
    public Task DeleteAsync(string storageId, CancellationToken ct) => objects.DeleteAsync(KeyFor(storageId), ct);

    /// <summary>Deletes an object nothing points at any more (a replaced CV, a failed upload); a failure is logged, not thrown.</summary>
    public async Task DeleteOrphanAsync(string storageId)
    {
        try { await objects.DeleteAsync(KeyFor(storageId), CancellationToken.None); }
        catch (UnavailableException ex) { logger.LogWarning(ex, "Could not delete the CV object {StorageId}, which no row points at (it stays encrypted)", storageId); }
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
