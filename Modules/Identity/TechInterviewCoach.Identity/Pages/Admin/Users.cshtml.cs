using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Identity.Pages.Admin;

/// <summary>Admins find people, suspend or lift a suspension, grant or revoke the admin role.</summary>
[Authorize(Policy = Policies.Admin)]
[EnableRateLimiting(RateLimitPolicies.Writes)]
internal sealed class UsersModel(IMediator mediator) : PageModel, IFormPage
{
    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery] public string? Status { get; set; }
    public AdminUserList List { get; private set; } = new([], 0);

    /// <summary>The filter fields are the page's own query parameters (search, role, status).</summary>
    public string FormPrefix => "";

    /// <summary>An action the list could not take (suspend yourself, a deleted account): shown above the list.</summary>
    public string? Error => ModelState.TryGetValue(string.Empty, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>A filter the list could not apply: shown next to the field, and no list is pretended.</summary>
    public string? FilterError => FilterFailure.Value?.Errors[0].ErrorMessage;
    /// <summary>The query parameter the filter error is about ("role", "status"); model state keys ignore case, so it is lowered.</summary>
    public string? FilterErrorField => FilterFailure.Key is { Length: > 0 } key ? key.ToLowerInvariant() : null;
    private KeyValuePair<string, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateEntry?> FilterFailure =>
        ModelState.FirstOrDefault(e => e.Key.Length > 0 && e.Value?.Errors.Count > 0);

    public async Task OnGetAsync() => List = await mediator.Send(new ListUsers(Search, Role, Status), HttpContext.RequestAborted);

    public Task<IActionResult> OnPostSuspendAsync(Guid id) => Run(new SuspendUser(User.GetUserId(), id, true));

    public Task<IActionResult> OnPostUnsuspendAsync(Guid id) => Run(new SuspendUser(User.GetUserId(), id, false));

    public Task<IActionResult> OnPostGrantAdminAsync(Guid id) => Run(new SetAdminRole(User.GetUserId(), id, true));

    public Task<IActionResult> OnPostRevokeAdminAsync(Guid id) => Run(new SetAdminRole(User.GetUserId(), id, false));

    private async Task<IActionResult> Run(IRequest<MediatR.Unit> command)
    {
        await mediator.Send(command, HttpContext.RequestAborted);
        return RedirectToPage(new { search = Search, role = Role, status = Status });
    }

    /// <summary>After a refused action the list is shown again, as filtered; after a refused filter there is no list.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        if (FilterError is null) List = await mediator.Send(new ListUsers(Search, Role, Status), ct);
    }
}
