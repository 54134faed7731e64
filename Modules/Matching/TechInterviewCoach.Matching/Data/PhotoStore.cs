using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.Matching.Data;

/// <summary>
/// Coach photo bytes (already re-encoded, public) on disk under <c>Matching:PhotoStoragePath</c>, named by a random id.
/// Shaped like <see cref="CvStore"/> (save → id, read, delete) so both can move onto one pluggable file store.
/// </summary>
internal sealed class PhotoStore(IOptions<MatchingOptions> options, IHostEnvironment environment, ILogger<PhotoStore> logger)
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PhotoStoragePath));

    private string PathFor(string storageId) =>
        storageId.Length == 32 && storageId.All(char.IsAsciiHexDigitLower) ? Path.Combine(Directory, storageId + ".webp")
            : throw new InvalidOperationException("Bad photo storage id.");

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var id = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathFor(id), content, ct);
        return id;
    }

    public async Task<byte[]?> ReadAsync(string storageId, CancellationToken ct)
    {
        var path = PathFor(storageId);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public void Delete(string storageId)
    {
        try { File.Delete(PathFor(storageId)); }
        catch (IOException ex) { logger.LogWarning(ex, "Could not delete photo file {StorageId}", storageId); }
    }
}
