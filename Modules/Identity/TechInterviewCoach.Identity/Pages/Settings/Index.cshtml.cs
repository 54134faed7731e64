using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Identity.Pages.Settings;

[Authorize(Policy = Policies.Member)]
[EnableRateLimiting(RateLimitPolicies.Writes)]
internal sealed class IndexModel(IMediator mediator, IOptions<SignInHistoryOptions> signIns) : PageModel, IFormPage
{
    public int AddressRetentionDays => (int)Math.Ceiling(signIns.Value.AddressRetention.TotalDays);
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Headline { get; set; }
        public string? TimeZone { get; set; }
        public string? NotificationEmail { get; set; }
        public bool AnalyticsOptOut { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery] public bool Saved { get; set; }
    public SettingsView? View { get; private set; }
    public IReadOnlyList<SignInView> SignIns { get; private set; } = [];
    public IReadOnlyList<string> TimeZones => TimeZoneChoices.All;
    public bool FromLinkedIn(string field) => View?.FromLinkedIn.Contains(field) == true;

    public async Task OnGetAsync()
    {
        await ReloadAsync(HttpContext.RequestAborted);
        Input = new InputModel
        {
            DisplayName = View!.DisplayName, Headline = View.Headline, TimeZone = View.TimeZone,
            NotificationEmail = View.NotificationEmail, AnalyticsOptOut = View.AnalyticsOptOut,
        };
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await mediator.Send(new UpdateSettings(User.GetUserId(), Input.DisplayName, Input.Headline, Input.TimeZone, Input.NotificationEmail, Input.AnalyticsOptOut), HttpContext.RequestAborted);
        return RedirectToPage(new { saved = true });
    }

    public async Task<IActionResult> OnPostExportAsync()
    {
        var export = await mediator.Send(new ExportData(User.GetUserId()), HttpContext.RequestAborted);
        return File(export.Zip, "application/zip", export.FileName);
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await mediator.Send(new SignOutEverywhere(User.GetUserId()), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/signin");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        View = await mediator.Send(new GetSettings(User.GetUserId()), ct);
        SignIns = await mediator.Send(new ListSignIns(User.GetUserId()), ct);
    }
}
