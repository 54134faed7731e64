using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class CvModel(IMediator mediator) : PageModel, IFormPage
{
    public CvInfo? Cv { get; private set; }
    public string? Message { get; private set; }

    string IFormPage.FormPrefix => "";
    public async Task ReloadAsync(CancellationToken ct) => Cv = await mediator.Send(new ViewMyCv(User.GetUserId()), ct);

    public async Task OnGetAsync()
    {
        await ReloadAsync(HttpContext.RequestAborted);
        Message = TempData["cv-message"] as string;
    }

    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        await mediator.Send(await UploadCv.FromFormAsync(User.GetUserId(), file, HttpContext.RequestAborted), HttpContext.RequestAborted);
        TempData["cv-message"] = "Your CV is uploaded.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm: a deleted CV cannot be restored.");
            await ReloadAsync(HttpContext.RequestAborted);
            return Page();
        }
        await mediator.Send(new DeleteCv(User.GetUserId()), HttpContext.RequestAborted);
        TempData["cv-message"] = "Your CV is deleted. Coaches no longer see it.";
        return RedirectToPage();
    }
}
