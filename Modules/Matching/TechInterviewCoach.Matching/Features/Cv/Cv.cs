using TechInterviewCoach.BuildingBlocks.Persistence;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Data;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Features.Cv;

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

/// <summary>Checks by content that a file is a whole PDF: a %PDF-1.x or %PDF-2.x header (ISO 32000-1 and -2) and an %%EOF trailer near the end.</summary>
internal static class PdfCheck
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static void Ensure(byte[] content)
    {
        if (content.Length == 0) throw Reject("cv_empty", "The file is empty. Choose your CV as a PDF.");
        if (content.Length > MaxBytes) throw Reject("cv_too_large", "The file is larger than 5 MB. Please upload a smaller PDF.");
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (!HasHeader(head))
        {
            if (head.StartsWith("MZ"u8) || head.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }))
                throw Reject("cv_not_pdf", "This file is a program, not a PDF. Please upload your CV as a PDF.");
            if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) || head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) || head.StartsWith("GIF8"u8))
                throw Reject("cv_not_pdf", "This file is an image, not a PDF. Please upload your CV as a PDF.");
            var text = Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
            if (text.StartsWith('<') || text.Contains("<html") || text.Contains("<script"))
                throw Reject("cv_not_pdf", "This file is a web page (HTML), not a PDF. Please upload your CV as a PDF.");
            throw Reject("cv_not_pdf", "This file is not a PDF. Please upload your CV as a PDF.");
        }
        var tail = content.AsSpan(Math.Max(0, content.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
            throw Reject("cv_truncated", "This PDF looks incomplete (it has no end marker). Please export it again and upload the whole file.");
    }

    private static InputException Reject(string code, string message) => new(code, "file", message);

    /// <summary>"%PDF-" then the version: major 1 (PDF 1.0–1.7) or 2 (PDF 2.0, ISO 32000-2), a dot, a digit.</summary>
    private static bool HasHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 8 && head.StartsWith("%PDF-"u8) && head[5] is (byte)'1' or (byte)'2' && head[6] == (byte)'.' && char.IsAsciiDigit((char)head[7]);

    /// <summary>Keeps a display name: the last path segment, safe characters only, ending in .pdf.</summary>
    public static string SanitiseName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last());
        var safe = new string(last.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').ToArray()).Trim(' ', '.');
        if (safe.Length == 0) safe = "cv";
        if (safe.Length > 100) safe = safe[..100];
        if (!safe.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) safe += ".pdf";
        return safe;
    }
}

internal sealed record CvInfo(string FileName, long SizeBytes, DateTime UploadedAt);

internal sealed record UploadCv(Guid UserId, string? FileName, byte[] Content) : IRequest<CvInfo>;
internal sealed record GetMyCv(Guid UserId) : IRequest<CvInfo?>;
internal sealed record DeleteCv(Guid UserId) : IRequest<Unit>;
/// <summary>The CV bytes of <see cref="UserId"/>; callers decide who may ask (the person themselves, or a coach with a grant).</summary>
internal sealed record ReadCv(Guid UserId) : IRequest<(CvInfo Info, byte[] Content)?>;

internal sealed class UploadCvHandler(MatchingDbContext db, CvStore store, TimeProvider time, Matches.MatchSnapshotCache snapshots) : IRequestHandler<UploadCv, CvInfo>
{
    public async Task<CvInfo> Handle(UploadCv request, CancellationToken ct)
    {
        PdfCheck.Ensure(request.Content); // on rejection nothing changes: the previous CV stays
        var facts = await ReadCvOnUpload.ReadAsync(db, snapshots, request.UserId, request.Content, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        var storageId = await store.SaveAsync(request.Content, ct);
        string? previous = null;
        try
        {
            // Two uploads at once both find no CV row; the second insert is retried as a replacement.
            var cv = await db.RetryOnRaceAsync(async t =>
            {
                previous = null;
                var row = await db.Cvs.SingleOrDefaultAsync(c => c.UserId == request.UserId, t);
                if (row is null) db.Cvs.Add(row = new CvFile { UserId = request.UserId });
                else previous = row.StorageId;
                row.StorageId = storageId;
                row.FileName = PdfCheck.SanitiseName(request.FileName);
                row.SizeBytes = request.Content.Length;
                row.UploadedAt = time.GetUtcNow().UtcDateTime;
                await ReadCvOnUpload.StoreAsync(db, request.UserId, facts, row.UploadedAt, t);
                await db.SaveChangesAsync(t);
                return row;
            }, ct);
            if (previous is not null) store.Delete(previous);
            return new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt);
        }
        catch
        {
            store.Delete(storageId);
            throw;
        }
    }
}

internal sealed class GetMyCvHandler(MatchingDbContext db) : IRequestHandler<GetMyCv, CvInfo?>
{
    public async Task<CvInfo?> Handle(GetMyCv request, CancellationToken ct) =>
        await db.Cvs.AsNoTracking().Where(c => c.UserId == request.UserId)
            .Select(c => new CvInfo(c.FileName, c.SizeBytes, c.UploadedAt)).SingleOrDefaultAsync(ct);
}

internal sealed class ReadCvHandler(MatchingDbContext db, CvStore store) : IRequestHandler<ReadCv, (CvInfo Info, byte[] Content)?>
{
    public async Task<(CvInfo Info, byte[] Content)?> Handle(ReadCv request, CancellationToken ct)
    {
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == request.UserId, ct);
        if (cv is null) return null;
        var bytes = await store.ReadAsync(cv.StorageId, ct);
        return bytes is null ? null : (new CvInfo(cv.FileName, cv.SizeBytes, cv.UploadedAt), bytes);
    }
}

internal sealed class DeleteCvHandler(MatchingDbContext db, CvStore store) : IRequestHandler<DeleteCv, Unit>
{
    public async Task<Unit> Handle(DeleteCv request, CancellationToken ct)
    {
        var cv = await db.Cvs.SingleOrDefaultAsync(c => c.UserId == request.UserId, ct);
        if (cv is null) return Unit.Value;
        db.Cvs.Remove(cv);
        db.CvReadings.RemoveRange(await db.CvReadings.Where(r => r.UserId == request.UserId).ToListAsync(ct)); // what was read goes with it
        await db.SaveChangesAsync(ct);
        store.Delete(cv.StorageId);
        return Unit.Value;
    }
}

internal static class CvEndpoints
{
    /// <summary>A CV only ever leaves as a download: application/pdf, attachment, nosniff.</summary>
    public static IResult PdfDownload(HttpContext http, CvInfo info, byte[] content)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(content, "application/pdf", info.FileName);
    }

    public static async Task<byte[]> ReadUploadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > PdfCheck.MaxBytes) throw new InputException("cv_too_large", "file", "The file is larger than 5 MB. Please upload a smaller PDF.");
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return ms.ToArray();
    }

    public static void Map(RouteGroupBuilder api)
    {
        // Antiforgery is off for this API call like for the JSON API: the auth cookie is SameSite=Lax, so a
        // cross-site form cannot carry it. The /cv page's form keeps its antiforgery token.
        api.MapPost("/cv", async Task<Ok<CvInfo>> (IFormFile? file, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                if (file is null) throw new InputException("cv_missing", "file", "Choose your CV as a PDF.");
                var bytes = await ReadUploadAsync(file, ct);
                return TypedResults.Ok(await mediator.Send(new UploadCv(user.GetUserId(), file.FileName, bytes), ct));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Uploads or replaces your CV (PDF only, at most 5 MB, checked by content).");
        api.MapGet("/cv", async Task<Results<Ok<CvInfo>, NotFound>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetMyCv(user.GetUserId()), ct) is { } info ? TypedResults.Ok(info) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Your CV's file name, size and upload time.");
        api.MapGet("/cv/file", async (HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var cv = await mediator.Send(new ReadCv(user.GetUserId()), ct) ?? throw new NotFoundException("cv_not_found", "You have not uploaded a CV.");
                return PdfDownload(http, cv.Info, cv.Content);
            })
            .RequireAuthorization(Policies.Coachee)
            .WithSummary("Downloads your own CV.");
        api.MapDelete("/cv", async Task<NoContent> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCv(user.GetUserId()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Coachee).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Deletes your CV.");
    }
}
