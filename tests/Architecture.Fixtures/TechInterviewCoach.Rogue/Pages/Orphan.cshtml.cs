using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechInterviewCoach.Rogue.Pages;

/// <summary>A page model whose Orphan.cshtml does not exist.</summary>
internal sealed class OrphanModel : PageModel
{
}
