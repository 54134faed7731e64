using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class CvModel(IMediator mediator) : PageModel, IFormPage
{
    public CvInfo? Cv { get; private set; }
    /// <summary>What we read from the CV, as corrected; null without a CV.</summary>
    public CvReadingView? Reading { get; private set; }
    public string? Message { get; private set; }

    string IFormPage.FormPrefix => "";

    public async Task ReloadAsync(CancellationToken ct)
    {
        Cv = await mediator.Send(new ViewMyCv(User.GetUserId()), ct);
        Reading = await mediator.Send(new GetCvReading(User.GetUserId()), ct);
    }

    /// <summary>Errors of the "what we read" forms for one field (skills, employers, yearsOfExperience, title, seniority).</summary>
    public string Errors(string field) => string.Join(" ", ModelState.Where(kv => kv.Key == field || kv.Key.StartsWith(field + "[", StringComparison.Ordinal))
        .SelectMany(kv => kv.Value!.Errors).Select(e => e.ErrorMessage).Distinct());

    /// <summary>Removes one skill or employer from what we read.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string? kind, string? value)
    {
        var current = await CurrentAsync();
        await CorrectAsync(current with
        {
            Skills = kind == "skill" ? current.Skills.Where(s => s != value).ToList() : current.Skills,
            Employers = kind == "employer" ? current.Employers.Where(e => e != value).ToList() : current.Employers,
        });
        TempData["cv-message"] = $"Removed “{value}”: your matches no longer use it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddSkillAsync(string? skill)
    {
        var current = await CurrentAsync();
        var saved = await CorrectAsync(current with { Skills = [.. current.Skills, skill?.Trim() ?? ""] });
        TempData["cv-message"] = $"Added {saved.Skills[^1]}: your matches use it now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddEmployerAsync(string? employer)
    {
        var current = await CurrentAsync();
        await CorrectAsync(current with { Employers = [.. current.Employers, employer?.Trim() ?? ""] });
        TempData["cv-message"] = $"Added {employer?.Trim()}: your matches use it now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int? yearsOfExperience, string? title, string? seniority)
    {
        var current = await CurrentAsync();
        await CorrectAsync(current with { YearsOfExperience = yearsOfExperience, Title = title, Seniority = string.IsNullOrEmpty(seniority) ? null : seniority });
        TempData["cv-message"] = "Saved: your matches use your corrections now.";
        return RedirectToPage();
    }

    private async Task<CvReadingInput> CurrentAsync()
    {
        var r = await mediator.Send(new GetCvReading(User.GetUserId()), HttpContext.RequestAborted)
                ?? throw new ConflictException("cv_not_uploaded", "Upload your CV first: these items are read from it.");
        return new CvReadingInput { Skills = [.. r.Skills], Employers = [.. r.Employers], YearsOfExperience = r.YearsOfExperience, Title = r.Title, Seniority = r.Seniority };
    }

    private Task<CvReadingView> CorrectAsync(CvReadingInput input) =>
        mediator.Send(new CorrectCvReading(User.GetUserId(), input), HttpContext.RequestAborted);

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
