namespace TechInterviewCoach.Matching.Pages;

/// <summary>A listed coach's public page; 404 for anyone not listed.</summary>
[AllowAnonymous]
internal sealed class CoachModel(IMediator mediator) : PageModel
{
    public CoachCard Coach { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var coach = await mediator.Send(new ViewCoach(id), HttpContext.RequestAborted);
        if (coach is null) return NotFound();
        Coach = coach;
        return Page();
    }
}
