namespace TechInterviewCoach.Matching.Pages;

/// <summary>The coachee's ranked matches. Without a quiz it asks for the quiz; an unknown filter shows its message.</summary>
[Authorize(Policy = Policies.Coachee)]
internal sealed class MatchesModel(IMediator mediator) : PageModel, IFormPage
{
    [FromQuery] public string? InterviewType { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public long? MaxBudget { get; set; }
    [FromQuery] public double? MinOverlapHours { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<MatchResult>? Result { get; private set; }
    public bool NeedsQuiz { get; private set; }
    /// <summary>Why there are no matches: the failure the <see cref="FailurePageFilter"/> put on the page.</summary>
    public string? Error => Result is null ? PageForms.AllErrors(ModelState) : null;

    string IFormPage.FormPrefix => "";
    Task IFormPage.ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync()
    {
        Result = await mediator.Send(new RankCoaches(User.GetUserId(), InterviewType, MaxBudget, Language, MinOverlapHours, PageNumber, 20), HttpContext.RequestAborted);
        NeedsQuiz = Result is null;
    }
}
