using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Records a sign-in (time, browser and system, the address's network) and, when it comes from a browser this account
/// has not signed in from before, emails the person. The email names the network, never the full address.
/// </summary>
internal sealed record RecordSignIn(Guid UserId, string Method, string? UserAgent, IPAddress? Address, string DeviceId) : IRequest<SignInEvent>;

internal sealed class RecordSignInHandler(IdentityDbContext db, TimeProvider time, ILogger<RecordSignInHandler> logger)
    : IRequestHandler<RecordSignIn, SignInEvent>
{
    public async Task<SignInEvent> Handle(RecordSignIn request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == request.UserId, cancellationToken);
        var now = time.GetUtcNow();
        var device = DeviceHash(request.UserId, request.DeviceId);
        var seenBefore = await db.SignIns.AnyAsync(s => s.UserId == request.UserId, cancellationToken);
        var knownBrowser = seenBefore && await db.SignIns.AnyAsync(s => s.UserId == request.UserId && s.DeviceHash == device, cancellationToken);
        var (browser, system) = UserAgents.Describe(request.UserAgent);
        var address = request.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : request.Address;
        var entry = new SignInEvent
        {
            Id = Guid.CreateVersion7(now),
            UserId = request.UserId,
            OccurredAt = now.UtcDateTime,
            Method = request.Method,
            Browser = browser,
            OperatingSystem = system,
            Network = Networks.Describe(address),
            IpAddress = address?.ToString(),
            DeviceHash = device,
            NewBrowser = seenBefore && !knownBrowser,
        };
        db.SignIns.Add(entry);
        if (entry.NewBrowser)
        {
            db.Enqueue(new SendEmail(user.Id, null,
                new NewSignInEmail(entry.OccurredAt, user.TimeZone, entry.Browser, entry.OperatingSystem, entry.Network), "/settings"), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Sign-in {SignInId} recorded for user {UserId} ({Method}, new browser: {NewBrowser})",
            entry.Id, entry.UserId, entry.Method, entry.NewBrowser);
        return entry;
    }

    /// <summary>Per user, so the same browser cookie cannot be correlated across accounts from the table alone.</summary>
    private static string DeviceHash(Guid userId, string deviceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId.ToString("N") + ":" + deviceId)));
}
