namespace TechInterviewCoach.Identity.Pages;

internal sealed class SignInModel(IConfiguration configuration, DevSignInGate devSignIn) : PageModel
{
    public bool LinkedInConfigured => !string.IsNullOrWhiteSpace(configuration["Authentication:LinkedIn:ClientId"]);
    public bool DevSignInAllowed => devSignIn.Allowed;
    [FromQuery] public string? ReturnUrl { get; set; }

    public void OnGet() { }
}
