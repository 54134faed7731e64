namespace TechInterviewCoach.Identity.Infrastructure;

/// <summary>Issues the auth cookie for a user, and checks on each request that the session is still valid.</summary>
internal static class Sessions
{
    public static ClaimsPrincipal CreatePrincipal(User user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(AppClaims.TimeZone, user.TimeZone),
            new(AppClaims.SecurityStamp, user.SecurityStamp),
            new(AppClaims.Onboarded, user.OnboardedAt is null ? "false" : "true"),
        };
        claims.AddRange(user.RoleList.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignInAsync(HttpContext context, User user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CreatePrincipal(user),
            new AuthenticationProperties { IsPersistent = true });

    /// <summary>
    /// How long one instance trusts a check of a session (person + security stamp) before it reads the account again.
    /// A session revoked elsewhere (sign out everywhere, suspension, deletion on another instance) is refused within this
    /// delay; on the instance that revoked it at once (<see cref="Forget"/>). docs/decisions/0025-per-request-work.md.
    /// </summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Rejects a cookie whose user is suspended or deleted, or whose security stamp changed (sign out
    /// everywhere); refreshes it when the name, roles or time zone changed. The check is kept per stamp for
    /// <see cref="RecheckAfter"/>, with the person's summary it read, so a request inside that window reads no account.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.TryGetUserId();
        var stamp = principal?.FindFirstValue(AppClaims.SecurityStamp);
        if (principal is null || id is null || stamp is null) { context.RejectPrincipal(); return; }
        var services = context.HttpContext.RequestServices;
        var cache = services.GetRequiredService<IMemoryCache>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var fingerprint = Fingerprint(principal);
        var key = new SessionKey(id.Value, stamp);
        if (cache.TryGetValue(key, out CheckedSession? known) && known!.ValidUntil > now && known.Fingerprint == fingerprint) return;

        // A scope of its own, not the request's: a chat stream's request lasts as long as the stream, and a context taken from
        // it would stay alive (with its change tracker and pooled state) for all that time (decision 0027).
        User? user;
        await using (var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
            user = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null || user.Status != UserStatus.Active || user.SecurityStamp != stamp)
        {
            cache.Remove(key);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var fresh = CreatePrincipal(user);
        var freshFingerprint = Fingerprint(fresh);
        if (freshFingerprint != fingerprint)
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
        cache.Set(key, new CheckedSession(freshFingerprint, user.ToSummary(), now + RecheckAfter), RecheckAfter);
    }

    /// <summary>
    /// The person's summary as the session check of this stamp read it, while that check is trusted; null otherwise
    /// (then read the account). Its age is bounded like the session's: <see cref="RecheckAfter"/>, and none after <see cref="Forget"/>.
    /// </summary>
    public static UserSummary? CheckedSummary(IMemoryCache cache, TimeProvider time, Guid userId, string? stamp) =>
        stamp is not null && cache.TryGetValue(new SessionKey(userId, stamp), out CheckedSession? known) && known!.ValidUntil > time.GetUtcNow()
            ? known.Summary
            : null;

    /// <summary>
    /// Call after any change to the account (a rotated stamp, a status, the name, time zone, headline, picture or roles):
    /// this instance stops trusting the kept check at once. Other instances notice within <see cref="RecheckAfter"/>.
    /// </summary>
    public static void Forget(IMemoryCache cache, Guid userId, string oldStamp) => cache.Remove(new SessionKey(userId, oldStamp));

    /// <summary>The claims a check vouches for (all but the stamp, which is part of the key), in one stable order.</summary>
    private static string Fingerprint(ClaimsPrincipal p) =>
        string.Join('|', p.Claims.Where(c => c.Type != AppClaims.SecurityStamp).Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal));

    private sealed record SessionKey(Guid UserId, string Stamp);

    private sealed record CheckedSession(string Fingerprint, UserSummary Summary, DateTimeOffset ValidUntil);
}
