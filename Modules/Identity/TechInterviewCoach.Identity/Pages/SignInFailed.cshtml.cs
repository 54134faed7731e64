namespace TechInterviewCoach.Identity.Pages;

/// <summary>Where every failed LinkedIn sign-in ends: what happened, in words, and a stable reason code.</summary>
internal sealed class SignInFailedModel : PageModel
{
    [FromQuery] public string? Reason { get; set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet()
    {
        if (Reason is null || !SignInFailureReasons.Texts.ContainsKey(Reason)) Reason = SignInFailureReasons.Unknown;
        (Title, Text) = SignInFailureReasons.Texts[Reason];
    }
}
