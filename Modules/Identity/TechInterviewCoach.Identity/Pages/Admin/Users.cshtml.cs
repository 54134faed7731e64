using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.Features.Admin;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Identity.Pages.Admin;

/// <summary>Admins find people, suspend or lift a suspension, grant or revoke the admin role.</summary>
[Authorize(Policy = Policies.Admin)]
[EnableRateLimiting(RateLimitPolicies.Writes)]
internal sealed class UsersModel(IMediator mediator) : PageModel
{
    [FromQuery] public string? Search { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery] public string? Status { get; set; }
    public AdminUserList List { get; private set; } = new([], 0);
    [TempData] public string? Error { get; set; }
    /// <summary>A filter the list could not apply: shown next to the field, and no list is pretended.</summary>
    public string? FilterError { get; private set; }
    public string? FilterErrorField { get; private set; }

    public async Task OnGetAsync()
    {
        try { List = await mediator.Send(new ListUsersQuery(Search, Role, Status), HttpContext.RequestAborted); }
        catch (InputException ex)
        {
            FilterError = ex.Message;
            FilterErrorField = ex.Field;
        }
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid id) => Run(new SetSuspensionCommand(User.GetUserId(), id, true));

    public Task<IActionResult> OnPostUnsuspendAsync(Guid id) => Run(new SetSuspensionCommand(User.GetUserId(), id, false));

    public Task<IActionResult> OnPostGrantAdminAsync(Guid id) => Run(new SetAdminCommand(User.GetUserId(), id, true));

    public Task<IActionResult> OnPostRevokeAdminAsync(Guid id) => Run(new SetAdminCommand(User.GetUserId(), id, false));

    private async Task<IActionResult> Run(IRequest<MediatR.Unit> command)
    {
        try { await mediator.Send(command, HttpContext.RequestAborted); }
        catch (AppException ex) { Error = ex.Message; }
        return RedirectToPage(new { search = Search, role = Role, status = Status });
    }
}
