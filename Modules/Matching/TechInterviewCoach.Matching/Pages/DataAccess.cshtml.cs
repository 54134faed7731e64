namespace TechInterviewCoach.Matching.Pages;

/// <summary>Who has seen the person's quiz or CV, and when.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class MyDataAccessModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AccessLogItem> Log { get; private set; } = [];
    public async Task OnGetAsync() => Log = await mediator.Send(new ListDataAccess(User.GetUserId()), HttpContext.RequestAborted);
}
