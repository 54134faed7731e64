namespace TechInterviewCoach.Orders.Pages.Sessions;

/// <summary>Either side picks a new time for a booked session from the coach's free week.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class RescheduleModel(IMediator mediator, TimeProvider time) : PageModel, IFormPage
{
    public SessionDetails Session { get; private set; } = null!;
    public FreeWeek Free { get; private set; } = null!;
    [BindProperty] public DateTime? StartsAt { get; set; }
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "week")] public DateOnly? Week { get; set; }
    [TempData] public string? Done { get; set; }
    public string FormPrefix => "";
    public bool MovesFreely => !Session.ViewerIsCoach && time.GetUtcNow().UtcDateTime < Session.FreeMoveUntil;

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync(HttpContext.RequestAborted);
        return Session.CanChange ? Page() : Redirect($"/sessions/{Id}");
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "week")] DateOnly? week)
    {
        Week = week;
        var outcome = await mediator.Send(new RescheduleSession(Id, User.GetUserId(), StartsAt ?? default), HttpContext.RequestAborted);
        var zone = User.GetTimeZone();
        Done = outcome.Outcome == "moved"
            ? $"The session now takes place on {UserTime.Format(outcome.StartsAt, zone)}; you both get an updated calendar invite."
            : $"You proposed {UserTime.Format(outcome.ProposedStartsAt!.Value, zone)}. The session stays at its time until the other side accepts.";
        return Redirect($"/sessions/{Id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Session = await mediator.Send(new ShowSession(Id, User.GetUserId()), ct);
        Free = await mediator.Send(new ShowFreeWeek(Session.OrderId, User.GetUserId(), User.GetTimeZone().Id, Week, Id), ct);
    }
}
