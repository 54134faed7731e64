namespace TechInterviewCoach.Matching.Pages;

/// <summary>A coach's view of one coachee's quiz and CV: 404 unless that coachee started a conversation with this coach. Each view is logged.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class CoacheeModel(IMediator mediator) : PageModel
{
    public SharedQuiz Quiz { get; private set; } = null!;
    /// <summary>What was read from the coachee's CV (logged as its own view); null without a CV.</summary>
    public CvReadingView? Reading { get; private set; }
    public string CoacheeName { get; private set; } = "";

    public async Task OnGetAsync(Guid coacheeId)
    {
        Quiz = await mediator.Send(new ViewCoacheeQuiz(User.GetUserId(), coacheeId), HttpContext.RequestAborted);
        Reading = await mediator.Send(new ViewCoacheeCvReading(User.GetUserId(), coacheeId), HttpContext.RequestAborted);
        CoacheeName = (await mediator.Send(new GetUserSummary(coacheeId), HttpContext.RequestAborted))?.DisplayName ?? "Coachee";
    }
}
