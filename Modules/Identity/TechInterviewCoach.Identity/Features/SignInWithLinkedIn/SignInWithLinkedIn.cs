using TechInterviewCoach.BuildingBlocks.Persistence;


namespace TechInterviewCoach.Identity.Features;

/// <summary>
/// Finds the account for LinkedIn's subject id, or creates it on the first sign-in. Later sign-ins refresh email and
/// picture (and the name, unless the person corrected it in Settings). Suspended accounts are refused. Deleted
/// accounts no longer carry the subject id, so LinkedIn then creates a new, empty account.
/// </summary>
internal sealed record SignInWithLinkedIn(string Sub, string Name, string Email, string? PictureUrl) : IRequest<User>;

internal sealed class SignInWithLinkedInHandler(IdentityDbContext db, TimeProvider time, IConfiguration configuration, IMemoryCache cache) : IRequestHandler<SignInWithLinkedIn, User>
{
    public async Task<User> Handle(SignInWithLinkedIn request, CancellationToken cancellationToken)
    {
        var name = Truncate(request.Name.Trim(), 120);
        var email = Truncate(request.Email.Trim(), 320);
        var picture = request.PictureUrl is { Length: <= 1000 } p ? p : null;
        // The same person signing in twice at once (two tabs) both find no account; the second insert is retried as a sign-in.
        return await db.RetryOnRaceAsync(async c =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.LinkedInSub == request.Sub, c);
            if (user is null)
            {
                user = new User
                {
                    Id = Guid.CreateVersion7(),
                    LinkedInSub = request.Sub,
                    DisplayName = name,
                    Email = email,
                    PictureUrl = picture,
                    TimeZone = "UTC",
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                };
                db.Users.Add(user);
            }
            else
            {
                if (user.Status == UserStatus.Suspended)
                    throw new ForbiddenException("account_suspended", "This account is suspended.");
                user.Email = email;
                user.PictureUrl = picture;
                if (!user.DisplayNameEdited) user.DisplayName = name;
            }
            if (IsConfiguredAdmin(configuration, email)) user.AddRole(Roles.Admin);
            await db.SaveChangesAsync(c);
            Sessions.Forget(cache, user.Id, user.SecurityStamp); // a new picture or name shows at once on this instance
            return user;
        }, cancellationToken);
    }

    public static bool IsConfiguredAdmin(IConfiguration configuration, string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && (configuration.GetSection("Admin:Emails").Get<string[]>() ?? [])
            .Any(a => string.Equals(a.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

internal static class SignInWithLinkedInEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Starts the OAuth challenge; only local return URLs are honoured.
        endpoints.MapGet("/signin/linkedin", (HttpContext http, IConfiguration configuration, string? returnUrl) =>
            {
                if (!LinkedInAuthentication.IsConfigured(configuration)) return Results.Redirect("/signin");
                var local = Landing.IsLocal(returnUrl) ? returnUrl! : "/";
                return Results.Challenge(
                    new AuthenticationProperties { RedirectUri = "/signin/complete?returnUrl=" + Uri.EscapeDataString(local) },
                    [LinkedInAuthentication.Scheme]);
            })
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ExcludeFromDescription();

        // Turns the short-lived external sign-in into an account and the app's cookie.
        endpoints.MapGet("/signin/complete", async (HttpContext http, IMediator mediator, string? returnUrl) =>
            {
                var external = await http.AuthenticateAsync(LinkedInAuthentication.ExternalScheme);
                await http.SignOutAsync(LinkedInAuthentication.ExternalScheme);
                var principal = external.Principal;
                var sub = principal?.FindFirstValue(LinkedInAuthentication.SubClaim);
                var email = principal?.FindFirstValue(ClaimTypes.Email);
                if (!external.Succeeded || string.IsNullOrEmpty(sub)) return Results.Redirect("/signin/failed?reason=" + SignInFailureReasons.Expired);
                if (string.IsNullOrEmpty(email)) return Results.Redirect("/signin/failed?reason=" + SignInFailureReasons.NoEmail);
                User user;
                try
                {
                    user = await mediator.Send(new SignInWithLinkedIn(sub, principal!.FindFirstValue(ClaimTypes.Name) ?? "", email,
                        principal!.FindFirstValue(LinkedInAuthentication.PictureClaim)), http.RequestAborted);
                }
                catch (ForbiddenException)
                {
                    return Results.Redirect("/signin/failed?reason=" + SignInFailureReasons.AccountSuspended);
                }
                await Sessions.SignInAsync(http, user);
                await SignInHistory.RecordAsync(http, mediator, user.Id, SignInHistory.LinkedIn);
                return Results.Redirect(Landing.For(user, returnUrl));
            })
            .RequireRateLimiting(RateLimitPolicies.Auth)
            .ExcludeFromDescription();
    }
}
