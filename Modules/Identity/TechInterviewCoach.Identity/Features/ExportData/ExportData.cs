using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using TechInterviewCoach.Matching.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Identity.Features;

internal sealed record DataExport(string FileName, byte[] Zip);

/// <summary>
/// Everything the product holds about the person, as a ZIP: identity.json (the profile) and one JSON file per module,
/// each module answering for its own data; files (the CV) go beside the JSON. All or nothing: a module that fails
/// fails the export, so nobody receives an incomplete copy believing it is complete.
/// </summary>
internal sealed record ExportData(Guid UserId) : IRequest<DataExport>;

internal sealed class ExportDataHandler(IdentityDbContext db, IMediator mediator, TimeProvider time, ILogger<ExportDataHandler> logger) : IRequestHandler<ExportData, DataExport>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<DataExport> Handle(ExportData request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.Status == UserStatus.Active, cancellationToken)
                   ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
        var parts = new List<PersonalDataPart>
        {
            await mediator.Send(new ExportMatchingData(user.Id), cancellationToken),
            await mediator.Send(new ExportMessagingData(user.Id), cancellationToken),
            await mediator.Send(new ExportOrdersData(user.Id), cancellationToken),
        };
        var now = time.GetUtcNow();
        var signIns = await db.SignIns.AsNoTracking().Where(s => s.UserId == user.Id).OrderBy(s => s.OccurredAt)
            .Select(s => new { s.OccurredAt, s.Method, s.Browser, s.OperatingSystem, s.Network, s.IpAddress, s.NewBrowser })
            .ToListAsync(cancellationToken);
        var identity = new
        {
            exportedAt = now.UtcDateTime,
            profile = new
            {
                user.Id, user.DisplayName, user.Headline, user.Email, user.NotificationEmail, user.PictureUrl, user.TimeZone,
                Roles = user.RoleList, Status = user.Status.ToString(), user.CreatedAt, user.OnboardedAt, user.TermsAcceptedAt, user.PolicyVersion,
                user.AnalyticsOptOut, LinkedInMemberId = user.LinkedInSub, NameCorrectedInSettings = user.DisplayNameEdited,
            },
            signIns,
            modules = parts.Select(p => p.Module).ToList(),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await WriteAsync(zip, names, "identity.json", JsonSerializer.SerializeToUtf8Bytes(identity, Json), cancellationToken);
            foreach (var part in parts)
            {
                var module = Safe(part.Module);
                await WriteAsync(zip, names, module + ".json", JsonSerializer.SerializeToUtf8Bytes(part.Data, part.Data.GetType(), Json), cancellationToken);
                foreach (var file in part.Files)
                    await WriteAsync(zip, names, Safe(Path.GetFileName(file.FileName)), file.Content, cancellationToken, prefix: module + "-");
            }
        }

        db.Enqueue(new SendEmail(user.Id, null, new DataExportReadyEmail(now.UtcDateTime, user.TimeZone), "/settings"), now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Data export produced for user {UserId} with {Parts} module parts", user.Id, parts.Count);
        return new DataExport($"techinterview-coach-export-{now.UtcDateTime:yyyyMMdd-HHmmss}.zip", buffer.ToArray());
    }

    private static async Task WriteAsync(ZipArchive zip, HashSet<string> names, string name, byte[] content, CancellationToken ct, string prefix = "")
    {
        if (string.IsNullOrEmpty(name)) name = "file";
        if (!names.Add(name)) { name = prefix + name; var i = 2; var baseName = name; while (!names.Add(name)) name = $"{i++}-{baseName}"; }
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = entry.Open();
        await stream.WriteAsync(content, ct);
    }

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}

internal static class ExportDataEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/export", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportData(user.GetUserId()), ct);
                return TypedResults.File(export.Zip, "application/zip", export.FileName);
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Download everything the product holds about you, as a ZIP of JSON files (and the CV).");
}
