namespace TechInterviewCoach.Identity.Pages;

/// <summary>After the first sign-in: role, age, terms. Someone who has onboarded already goes straight on.</summary>
[Authorize]
internal sealed class OnboardingModel(IMediator mediator) : PageModel, IFormPage
{
    public sealed class InputModel
    {
        public string? Role { get; set; }
        public bool ConfirmAge { get; set; }
        public bool AcceptTerms { get; set; }
        public string? TimeZone { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery] public string? ReturnUrl { get; set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> TimeZones => TimeZoneChoices.All;
    public string PolicyVersion => PolicyVersions.Current;

    /// <summary>The session's claim, refreshed from the account on every request (<see cref="Sessions.ValidateAsync"/>).</summary>
    private bool Onboarded => User.FindFirst(AppClaims.Onboarded)?.Value == "true";

    public async Task<IActionResult> OnGetAsync()
    {
        if (Onboarded) return LocalRedirect(Target());
        var settings = await mediator.Send(new GetSettings(User.GetUserId()), HttpContext.RequestAborted);
        DisplayName = settings.DisplayName;
        Input.TimeZone = settings.TimeZone;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        // Onboarded in another tab meanwhile: nothing to do here, go on.
        if (Onboarded) return LocalRedirect(Target());
        var user = await mediator.Send(new Onboard(User.GetUserId(), Input.Role, Input.ConfirmAge, Input.AcceptTerms, Input.TimeZone), HttpContext.RequestAborted);
        await Sessions.SignInAsync(HttpContext, user);
        return LocalRedirect(Target());
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        DisplayName = (await mediator.Send(new GetSettings(User.GetUserId()), ct)).DisplayName;

    private string Target() => Landing.Wanted(ReturnUrl) is { } wanted && !wanted.StartsWith("/onboarding", StringComparison.Ordinal)
        ? wanted : Landing.ForRoles(User.FindAll(ClaimTypes.Role).Select(c => c.Value));
}
