using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Data;
using TechInterviewCoach.Identity.Features.LinkedIn;
using TechInterviewCoach.Identity.Features.Onboarding;
using TechInterviewCoach.Identity.Features.Settings;
using TechInterviewCoach.Identity.SignIn;

namespace TechInterviewCoach.Identity.Pages;

[Authorize]
internal sealed class OnboardingModel(IMediator mediator) : PageModel
{
    public sealed class InputModel
    {
        public string? Role { get; set; }
        public bool ConfirmAge { get; set; }
        public bool AcceptTerms { get; set; }
        public string? TimeZone { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery] public string? ReturnUrl { get; set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> TimeZones => TimeZoneChoices.All;
    public string PolicyVersion => PolicyVersions.Current;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.FindFirst(AppClaims.Onboarded)?.Value == "true") return LocalRedirect(Target());
        var settings = await mediator.Send(new GetSettingsQuery(User.GetUserId()), HttpContext.RequestAborted);
        DisplayName = settings.DisplayName;
        Input.TimeZone = settings.TimeZone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        try
        {
            var user = await mediator.Send(new OnboardCommand(User.GetUserId(), Input.Role, Input.ConfirmAge, Input.AcceptTerms, Input.TimeZone), HttpContext.RequestAborted);
            await Sessions.SignInAsync(HttpContext, user);
            return LocalRedirect(Target());
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex); }
        catch (ConflictException) { return LocalRedirect(Target()); }
        catch (AppException ex) { ModelState.AddError(ex); }
        DisplayName = (await mediator.Send(new GetSettingsQuery(User.GetUserId()), HttpContext.RequestAborted)).DisplayName;
        return Page();
    }

    private string Target() => Landing.Wanted(ReturnUrl) is { } wanted && !wanted.StartsWith("/onboarding", StringComparison.Ordinal)
        ? wanted : Landing.ForRoles(User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value));
}
