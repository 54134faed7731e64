using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.Features.DevSignIn;
using TechInterviewCoach.Identity.Features.SignIns;
using TechInterviewCoach.Identity.SignIn;

namespace TechInterviewCoach.Identity.Pages.Dev;

/// <summary>Development sign-in as one of the seeded demo users.</summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
internal sealed class SignInModel : PageModel
{
    public sealed record DemoAccount(Guid Id, string Name, string Roles, string TimeZone);

    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>Where the person was going (only app-relative addresses are followed); kept through the form.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync([FromServices] DevSignInGate gate, [FromServices] IdentityDbContext db)
    {
        if (!gate.Allowed) return NotFound();
        Accounts = await db.Users.AsNoTracking()
            .Where(u => u.IsDemo && u.Status == UserStatus.Active)
            .OrderBy(u => u.Roles).ThenBy(u => u.DisplayName)
            .Select(u => new DemoAccount(u.Id, u.DisplayName, u.Roles, u.TimeZone))
            .ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId, [FromServices] DevSignInGate gate, [FromServices] IMediator mediator)
    {
        if (!gate.Allowed) return NotFound();
        var user = await mediator.Send(new DevSignInCommand(userId, null, null, null, null), HttpContext.RequestAborted);
        await Sessions.SignInAsync(HttpContext, user);
        await SignInHistory.RecordAsync(HttpContext, mediator, user.Id, SignInHistory.Development);
        return LocalRedirect(Landing.For(user, ReturnUrl));
    }

    /// <summary>A new onboarded person with the chosen role, e.g. a second coachee (use a private window to be both at once).</summary>
    public async Task<IActionResult> OnPostNewAsync(string? role, string? displayName, [FromServices] DevSignInGate gate, [FromServices] IMediator mediator, [FromServices] IdentityDbContext db)
    {
        if (!gate.Allowed) return NotFound();
        try
        {
            var name = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
            var user = await mediator.Send(new DevSignInCommand(null, role, name, null, null), HttpContext.RequestAborted);
            await Sessions.SignInAsync(HttpContext, user);
            await SignInHistory.RecordAsync(HttpContext, mediator, user.Id, SignInHistory.Development);
            return LocalRedirect(Landing.For(user, ReturnUrl));
        }
        catch (FluentValidation.ValidationException ex)
        {
            NewError = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage).Distinct());
            return await OnGetAsync(gate, db);
        }
    }

    public string? NewError { get; private set; }
}
