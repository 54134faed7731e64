namespace TechInterviewCoach.Orders.Pages.Sessions;

/// <summary>A session's page for its two people: time in the viewer's zone, the other person, the meeting link once paid, move, cancel, answer a new time.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class SessionModel(IMediator mediator) : PageModel, IFormPage
{
    public SessionDetails Session { get; private set; } = null!;
    [FromRoute] public Guid Id { get; set; }
    [TempData] public string? Done { get; set; }
    public string FormPrefix => "";

    public string StatusLabel => Session.Status switch
    {
        "Booked" when Session.ProposedStartsAt is not null => "Booked (a new time is proposed)",
        "Booked" => "Booked",
        "Held" => "Held until payment",
        "Released" => "Released (not paid)",
        "Cancelled" => "Cancelled",
        var other => other,
    };

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAcceptAsync()
    {
        var outcome = await mediator.Send(new AnswerReschedule(Id, User.GetUserId(), true), HttpContext.RequestAborted);
        Done = $"The session now takes place on {UserTime.Format(outcome.StartsAt, User.GetTimeZone())}; you both get an updated calendar invite.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDeclineAsync()
    {
        var outcome = await mediator.Send(new AnswerReschedule(Id, User.GetUserId(), false), HttpContext.RequestAborted);
        Done = outcome.Outcome == "cancelled"
            ? "You declined the coach's new time: the session is cancelled and its share of the price is refunded to you in full."
            : "You declined the new time; the session stays at its time.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(bool confirm)
    {
        if (!confirm) throw new InputException("confirm_required", "confirm", "Tick the box to confirm that you want to cancel this session.");
        await mediator.Send(new CancelSession(Id, User.GetUserId()), HttpContext.RequestAborted);
        Done = "The session is cancelled; both of you get an email, and your calendars get the cancellation.";
        return RedirectToPage(new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct) => Session = await mediator.Send(new ShowSession(Id, User.GetUserId()), ct);
}
