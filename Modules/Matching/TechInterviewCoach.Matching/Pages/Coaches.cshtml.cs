namespace TechInterviewCoach.Matching.Pages;

/// <summary>The public directory. An unknown filter shows its message above the (empty) list.</summary>
[AllowAnonymous]
internal sealed class CoachesModel(IMediator mediator) : PageModel, IFormPage
{
    [FromQuery] public string? InterviewType { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<CoachCard>? Result { get; private set; }
    /// <summary>Why there is no list: the failure the <see cref="FailurePageFilter"/> put on the page.</summary>
    public string? Error => Result is null ? PageForms.AllErrors(ModelState) : null;

    string IFormPage.FormPrefix => "";
    Task IFormPage.ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync() =>
        Result = await mediator.Send(new BrowseCoaches(InterviewType, Language, Role, PageNumber, 20), HttpContext.RequestAborted);
}
