using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Features.Deletion;

namespace TechInterviewCoach.Identity.Pages.Settings;

/// <summary>Deletion with a second confirmation; lists what blocks it (a payment still in progress).</summary>
[Authorize]
[EnableRateLimiting(RateLimitPolicies.Writes)]
internal sealed class DeleteModel(IMediator mediator) : PageModel
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
        try
        {
            var result = await mediator.Send(new DeleteAccountCommand(User.GetUserId(), Input.Confirm), HttpContext.RequestAborted);
            if (result.Deleted)
            {
                await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return LocalRedirect("/account-deleted");
            }
            Blockers = result.Blockers;
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex); }
        catch (AppException ex) { ModelState.AddError(ex); }
        return Page();
    }
}
