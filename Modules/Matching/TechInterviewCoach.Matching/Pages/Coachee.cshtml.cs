namespace TechInterviewCoach.Matching.Pages;

/// <summary>A coach's view of one coachee's quiz and CV: 404 unless that coachee started a conversation with this coach. Each view is logged.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class CoacheeModel(IMediator mediator, TimeProvider time) : PageModel
{
    /// <summary>The coach's own zone (from their claims).</summary>
    public TimeZoneInfo CoachZone => User.GetTimeZone();
    /// <summary>The coachee's weekly windows in the coach's zone, with the coachee's own time beside them.</summary>
    public IReadOnlyList<WindowInZones> Windows { get; private set; } = [];

    public SharedQuiz Quiz { get; private set; } = null!;
    /// <summary>What was read from the coachee's CV (logged as its own view); null without a CV.</summary>
    public CvReadingView? Reading { get; private set; }
    public string CoacheeName { get; private set; } = "";

    public async Task OnGetAsync(Guid coacheeId)
    {
        Quiz = await mediator.Send(new ViewCoacheeQuiz(User.GetUserId(), coacheeId), HttpContext.RequestAborted);
        Windows = WeekInZone.Show(Quiz.Answers.Availability, Quiz.Answers.TimeZone, CoachZone, time.GetUtcNow().UtcDateTime);
        Reading = await mediator.Send(new ViewCoacheeCvReading(User.GetUserId(), coacheeId), HttpContext.RequestAborted);
        CoacheeName = (await mediator.Send(new GetUserSummary(coacheeId), HttpContext.RequestAborted))?.DisplayName ?? "Coachee";
    }
}
