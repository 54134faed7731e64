using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;

namespace TechInterviewCoach.Matching.Infrastructure;

/// <summary>
/// Whole objects (bytes) by key, in one area of the store: "cv" now, "photos" next. Each area is a keyed service
/// (<see cref="ObjectStoreRegistration.AddObjectStore"/>), so a caller asks for its own with
/// <c>[FromKeyedServices("cv")] IObjectStore</c> and cannot reach another area's keys. The store keeps bytes as given:
/// whoever stores personal data encrypts it first (see <see cref="CvStore"/>).
/// </summary>
internal interface IObjectStore
{
    /// <summary>Where the objects are, for the start-up log line (never a key or secret).</summary>
    string Location { get; }

    /// <summary>Stores or replaces the object. Throws <see cref="UnavailableException"/> (<c>storage_unavailable</c>) when the store cannot be reached.</summary>
    Task PutAsync(string key, byte[] content, CancellationToken ct);

    /// <summary>The object's bytes, or null when there is none.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Removes the object; when there is none, that is no error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>What every store accepts as a key: lower-case letters, digits, '.', '_' and '-' (so no path can escape its area).</summary>
internal static partial class ObjectKey
{
    public const string UnavailableCode = "storage_unavailable";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,127}$")]
    private static partial Regex Pattern();

    public static string Ensure(string key) =>
        Pattern().IsMatch(key) && !key.Contains("..", StringComparison.Ordinal) ? key : throw new ArgumentException("Bad object key.", nameof(key));

    public static UnavailableException Unavailable() =>
        new(UnavailableCode, "Stored files cannot be reached just now. Nothing was changed; please try again in a minute.");
}

/// <summary>Objects as files in one directory, one file per key: the embedded default, for a single instance (or a shared volume).</summary>
internal sealed class FileSystemObjectStore(string directory) : IObjectStore
{
    public string Directory { get; } = directory;
    public string Location => $"the file system at {Directory}";

    private string PathFor(string key) => Path.Combine(Directory, ObjectKey.Ensure(key));

    public async Task PutAsync(string key, byte[] content, CancellationToken ct)
    {
        var path = PathFor(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            // Written aside and moved into place, so a reader never sees half an object.
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { }
            throw ObjectKey.Unavailable();
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try { return await File.ReadAllBytesAsync(PathFor(key), ct); }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { return null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw ObjectKey.Unavailable(); }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        try { File.Delete(PathFor(key)); }
        catch (DirectoryNotFoundException) { }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw ObjectKey.Unavailable(); }
        return Task.CompletedTask;
    }
}

/// <summary>An area of the object store ("cv", "photos"), as registered.</summary>
internal sealed record ObjectStoreArea(string Name);

internal static class ObjectStoreRegistration
{
    /// <summary>The object storage every area shares: Storage:S3 options (validated at start), the bucket, the start-up line, readiness.</summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<S3StorageOptions>(configuration, S3StorageOptions.Section);
        services.AddSingleton<S3Bucket>();
        services.AddHostedService<ObjectStorageAnnouncer>();
        services.AddHealthChecks().AddCheck<ObjectStorageHealthCheck>(ObjectStorageHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers the area <paramref name="area"/> as a keyed <see cref="IObjectStore"/>: keys under <c>{area}/</c> in the S3
    /// bucket when Storage:S3 is set, else files in the directory <paramref name="fileSystemPath"/> names (relative to the content root).
    /// </summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, string area, Func<MatchingOptions, string> fileSystemPath)
    {
        services.AddSingleton(new ObjectStoreArea(area));
        services.AddKeyedSingleton<IObjectStore>(area, (sp, _) =>
        {
            if (sp.GetRequiredService<IOptions<S3StorageOptions>>().Value.Enabled)
                return new S3ObjectStore(sp.GetRequiredService<S3Bucket>(), area + "/", sp.GetRequiredService<ILogger<S3ObjectStore>>());
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new FileSystemObjectStore(Path.GetFullPath(Path.Combine(root, fileSystemPath(sp.GetRequiredService<IOptions<MatchingOptions>>().Value))));
        });
        return services;
    }
}

/// <summary>Says once per area, at start-up, where its files are stored.</summary>
internal sealed class ObjectStorageAnnouncer(IEnumerable<ObjectStoreArea> areas, IServiceProvider services, ILogger<ObjectStorageAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var area in areas)
            logger.LogInformation("Stored {Area} files are kept in {Location}", area.Name, services.GetRequiredKeyedService<IObjectStore>(area.Name).Location);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
