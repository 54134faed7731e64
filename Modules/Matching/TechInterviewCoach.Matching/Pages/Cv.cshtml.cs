using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Features.Cv;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class CvModel(IMediator mediator) : PageModel
{
    public CvInfo? Cv { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        Cv = await mediator.Send(new GetMyCv(User.GetUserId()), HttpContext.RequestAborted);
        Message = TempData["cv-message"] as string;
    }

    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        try
        {
            if (file is null) throw new InputException("cv_missing", "file", "Choose your CV as a PDF.");
            await mediator.Send(new UploadCv(User.GetUserId(), file.FileName, await CvEndpoints.ReadUploadAsync(file, HttpContext.RequestAborted)), HttpContext.RequestAborted);
            TempData["cv-message"] = "Your CV is uploaded.";
            return RedirectToPage();
        }
        catch (AppException ex) { ModelState.AddError(ex, ""); }
        Cv = await mediator.Send(new GetMyCv(User.GetUserId()), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm: a deleted CV cannot be restored.");
            Cv = await mediator.Send(new GetMyCv(User.GetUserId()), HttpContext.RequestAborted);
            return Page();
        }
        await mediator.Send(new DeleteCv(User.GetUserId()), HttpContext.RequestAborted);
        TempData["cv-message"] = "Your CV is deleted. Coaches no longer see it.";
        return RedirectToPage();
    }
}
