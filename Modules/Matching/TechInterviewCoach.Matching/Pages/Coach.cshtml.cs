namespace TechInterviewCoach.Matching.Pages;

/// <summary>A listed coach's public page; 404 for anyone not listed.</summary>
[AllowAnonymous]
internal sealed class CoachModel(IMediator mediator, TimeProvider time) : PageModel
{
    /// <summary>The reader's zone: their own when signed in, else UTC.</summary>
    public TimeZoneInfo ViewerZone => User.GetTimeZone();
    public bool ZoneIsGuess => User.Identity?.IsAuthenticated != true;
    /// <summary>The coach's weekly windows in the reader's zone, with the coach's own time beside them.</summary>
    public IReadOnlyList<WindowInZones> Windows { get; private set; } = [];

    public CoachCard Coach { get; private set; } = null!;
    /// <summary>The coach's most recent visible reviews, from Orders.</summary>
    public Orders.Contracts.CoachReviews Reviews { get; private set; } = new(0, 0, []);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var coach = await mediator.Send(new ViewCoach(id), HttpContext.RequestAborted);
        if (coach is null) return NotFound();
        Coach = coach;
        Windows = WeekInZone.Show(coach.Availability, coach.TimeZone, ViewerZone, time.GetUtcNow().UtcDateTime);
        Reviews = await mediator.Send(new Orders.Contracts.GetCoachReviews(id, 5), HttpContext.RequestAborted);
        return Page();
    }
}
