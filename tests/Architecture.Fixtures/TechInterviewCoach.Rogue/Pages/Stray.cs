using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.Rogue.Pages;

/// <summary>A page model in a file that is not a page's code-behind, and two in one file.</summary>
internal sealed class StrayModel : PageModel
{
}

internal sealed class SecondStrayModel : PageModel
{
}
