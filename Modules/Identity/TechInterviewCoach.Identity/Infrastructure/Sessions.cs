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
    /// Rejects a cookie whose user is suspended or deleted, or whose security stamp changed (sign out
    /// everywhere); refreshes it when the name, roles or time zone changed. Cached briefly per stamp.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.TryGetUserId();
        var stamp = context.Principal?.FindFirstValue(AppClaims.SecurityStamp);
        if (id is null || stamp is null) { context.RejectPrincipal(); return; }
        var services = context.HttpContext.RequestServices;
        var cache = services.GetRequiredService<IMemoryCache>();
        var key = CacheKey(id.Value, stamp);
        if (cache.TryGetValue(key, out string? fingerprint) && fingerprint == Fingerprint(context.Principal!)) return;

        var db = services.GetRequiredService<IdentityDbContext>();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null || user.Status != UserStatus.Active || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var fresh = CreatePrincipal(user);
        if (Fingerprint(fresh) != Fingerprint(context.Principal!))
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
        cache.Set(key, Fingerprint(fresh), TimeSpan.FromSeconds(10));
    }

    private static string CacheKey(Guid userId, string stamp) => $"identity:session:{userId}:{stamp}";

    /// <summary>
    /// Call after rotating a stamp or changing a status (sign out everywhere, suspension, deletion): this instance
    /// stops trusting the cached check at once. Other instances notice within the cache's 10 seconds.
    /// </summary>
    public static void Forget(IMemoryCache cache, Guid userId, string oldStamp) => cache.Remove(CacheKey(userId, oldStamp));

    private static string Fingerprint(ClaimsPrincipal p) =>
        string.Join('|', p.Claims.Where(c => c.Type != AppClaims.SecurityStamp).Select(c => c.Type + "=" + c.Value).Order());
}
