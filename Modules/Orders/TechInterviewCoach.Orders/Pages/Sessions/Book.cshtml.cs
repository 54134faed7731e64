namespace TechInterviewCoach.Orders.Pages.Sessions;

/// <summary>The coachee books their order's next session from the coach's free week (<c>/orders/{id}/book?week=yyyy-MM-dd</c>).</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class BookModel(IMediator mediator) : PageModel, IFormPage
{
    public FreeWeek Free { get; private set; } = null!;
    [BindProperty] public DateTime? StartsAt { get; set; }
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "week")] public DateOnly? Week { get; set; }
    [TempData] public string? Done { get; set; }
    public string FormPrefix => "";

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "week")] DateOnly? week)
    {
        Week = week;
        var booked = await mediator.Send(new BookSession(Id, User.GetUserId(), StartsAt ?? default), HttpContext.RequestAborted);
        Done = $"Your session on {UserTime.Format(booked.StartsAt, User.GetTimeZone())} is booked; you both get an email with a calendar invite."
               + (booked.SessionsLeft > 0 ? $" {booked.SessionsLeft} session(s) left to book." : "");
        return Redirect($"/sessions/{booked.SessionId}");
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Free = await mediator.Send(new ShowFreeWeek(Id, User.GetUserId(), User.GetTimeZone().Id, Week), ct);
}
