using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Identity.Pages.Dev;

/// <summary>Development sign-in as one of the seeded demo users.</summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
internal sealed class SignInModel(DevSignInGate gate, IdentityDbContext db, IMediator mediator) : PageModel, IFormPage
{
    public sealed record DemoAccount(Guid Id, string Name, string Roles, string TimeZone);

    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>Where the person was going (only app-relative addresses are followed); kept through the form.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The new-person form's fields are top-level (role, displayName).</summary>
    public string FormPrefix => "";

    /// <summary>Why a new person could not be created, in one line.</summary>
    public string? NewError => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList() is { Count: > 0 } errors
        ? string.Join(" ", errors) : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!gate.Allowed) return NotFound();
        await ReloadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (!gate.Allowed) return NotFound();
        return await SignInAsync(new DevSignIn(userId, null, null, null, null));
    }

    /// <summary>A new onboarded person with the chosen role, e.g. a second coachee (use a private window to be both at once).</summary>
    public async Task<IActionResult> OnPostNewAsync(string? role, string? displayName)
    {
        if (!gate.Allowed) return NotFound();
        var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        return await SignInAsync(new DevSignIn(null, role, name, null, null));
    }

    private async Task<IActionResult> SignInAsync(DevSignIn request)
    {
        var user = await mediator.Send(request, HttpContext.RequestAborted);
        await Sessions.SignInAsync(HttpContext, user);
        await SignInHistory.RecordAsync(HttpContext, mediator, user.Id, SignInHistory.Development);
        return LocalRedirect(Landing.For(user, ReturnUrl));
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Accounts = await db.Users.AsNoTracking()
            .Where(u => u.IsDemo && u.Status == UserStatus.Active)
            .OrderBy(u => u.Roles).ThenBy(u => u.DisplayName)
            .Select(u => new DemoAccount(u.Id, u.DisplayName, u.Roles, u.TimeZone))
            .ToListAsync(ct);
}
