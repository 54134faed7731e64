namespace TechInterviewCoach.Matching.Pages;

/// <summary>
/// The public directory: search, filters, sort and pages, all in the query string so a link reproduces the result.
/// A bad search or an unknown filter shows its message above the (empty) list.
/// </summary>
[AllowAnonymous]
internal sealed class CoachesModel(IMediator mediator) : PageModel, IFormPage
{
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public string? InterviewType { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery] public string? Currency { get; set; }
    [FromQuery] public string? MinPrice { get; set; }
    [FromQuery] public string? MaxPrice { get; set; }
    [FromQuery] public string? Day { get; set; }
    /// <summary>As typed: a value that is not a number gets the form error, not silence (the model binder would drop it).</summary>
    [FromQuery] public string? Hour { get; set; }
    /// <summary>The zone the day and hour are in: the link's own, so a shared link shows the same coaches to anyone; else the viewer's.</summary>
    [FromQuery(Name = "tz")] public string? Tz { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<CoachCard>? Result { get; private set; }
    /// <summary>Why there is no list: the failure the <see cref="FailurePageFilter"/> put on the page.</summary>
    public string? Error => Result is null ? PageForms.AllErrors(ModelState) : null;
    public bool Filtered => new[] { Q, InterviewType, Language, Role, MinPrice, MaxPrice, Day, Hour }.Any(v => !string.IsNullOrEmpty(v));
    public bool CanSortByMatch => User.IsInRole(Roles.Coachee);

    string IFormPage.FormPrefix => "";
    Task IFormPage.ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync() =>
        Result = await mediator.Send(new BrowseCoaches(Q, InterviewType, Language, Role, Currency, MinPrice, MaxPrice, Day, Hour,
            Zone, Sort, User.TryGetUserId(), PageNumber, 20), HttpContext.RequestAborted);

    /// <summary>The zone of the day and hour: the link's, else the signed-in person's; null: UTC.</summary>
    public string? Zone => !string.IsNullOrEmpty(Tz) ? Tz : User.FindFirstValue(AppClaims.TimeZone);

    /// <summary>What the hour's zone is called on the form: the viewer's own, another (a link's), or UTC.</summary>
    public string ZoneLabel => Zone is not { Length: > 0 } zone ? "UTC"
        : zone == User.FindFirstValue(AppClaims.TimeZone) ? $"your time, {zone}" : zone;

    /// <summary>The hour chosen, for the form; null when none or not a number.</summary>
    public int? HourNumber => BrowseCoachesHandler.ParseHour(Hour);

    /// <summary>This search's link at another page.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(kv => kv.Key != "page" && !string.IsNullOrEmpty(kv.Value))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/coaches" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
