using TechInterviewCoach.Matching.Infrastructure;

namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// Coach photo bytes (already re-encoded WebP, public, so not encrypted) in the object store's "photos" area, named by a
/// random id: files under <c>Matching:PhotoStoragePath</c>, or <c>photos/</c> in the S3 bucket when Storage:S3 is set.
/// </summary>
internal sealed class PhotoStore([FromKeyedServices(PhotoStore.Area)] IObjectStore objects, ILogger<PhotoStore> logger)
{
    public const string Area = "photos";

    private static string KeyFor(string storageId) =>
        storageId.Length == 32 && storageId.All(char.IsAsciiHexDigitLower) ? storageId + ".webp"
            : throw new InvalidOperationException("Bad photo storage id.");

    /// <summary>Stores the photo under a new id. Throws <see cref="UnavailableException"/> when the store cannot be reached (then nothing was stored).</summary>
    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        await objects.PutAsync(KeyFor(id), content, ct);
        return id;
    }

    /// <summary>The photo's bytes, or null when the object is missing.</summary>
    public Task<byte[]?> ReadAsync(string storageId, CancellationToken ct) => objects.GetAsync(KeyFor(storageId), ct);

    /// <summary>Deletes the photo's object; throws <see cref="UnavailableException"/> when the store cannot be reached, so the caller keeps its row.</summary>
    public Task DeleteAsync(string storageId, CancellationToken ct) => objects.DeleteAsync(KeyFor(storageId), ct);

    /// <summary>Deletes an object nothing points at any more (a replaced photo, a failed upload); a failure is logged, not thrown.</summary>
    public async Task DeleteOrphanAsync(string storageId)
    {
        try { await objects.DeleteAsync(KeyFor(storageId), CancellationToken.None); }
        catch (UnavailableException ex) { logger.LogWarning(ex, "Could not delete the photo object {StorageId}, which no row points at", storageId); }
    }
}
