using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Identity.Pages.Settings;

/// <summary>Deletion with a second confirmation; lists what blocks it (a payment still in progress).</summary>
[Authorize]
[EnableRateLimiting(RateLimitPolicies.Writes)]
internal sealed class DeleteModel(IMediator mediator) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        public string? Confirm { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<string> Blockers { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new DeleteAccount(User.GetUserId(), Input.Confirm), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account-deleted");
    }

    /// <summary>A blocked deletion shows what must settle first, as a list, instead of the one-line refusal.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        var refusal = ModelState[string.Empty]?.Errors.FirstOrDefault(e => e.ErrorMessage == DeleteAccountHandler.BlockedTitle);
        if (refusal is null) return;
        Blockers = await mediator.Send(new GetDeletionBlockers(User.GetUserId()), ct);
        if (Blockers.Count > 0) ModelState[string.Empty]!.Errors.Remove(refusal);
    }
}
