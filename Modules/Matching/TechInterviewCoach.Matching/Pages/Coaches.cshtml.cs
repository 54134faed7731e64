using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.Matching.Features.Matches;

namespace TechInterviewCoach.Matching.Pages;

[AllowAnonymous]
internal sealed class CoachesModel(IMediator mediator) : PageModel
{
    [FromQuery] public string? InterviewType { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public string? Role { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<CoachCard>? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        try { Result = await mediator.Send(new BrowseCoaches(InterviewType, Language, Role, PageNumber, 20), HttpContext.RequestAborted); }
        catch (InputException ex) { Error = ex.Message; }
    }
}

[AllowAnonymous]
internal sealed class CoachModel(IMediator mediator) : PageModel
{
    public CoachCard Coach { get; private set; } = null!;
    /// <summary>The coach's most recent visible reviews, from Orders.</summary>
    public Orders.Contracts.CoachReviews Reviews { get; private set; } = new(0, 0, []);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var coach = await mediator.Send(new GetPublicCoach(id), HttpContext.RequestAborted);
        if (coach is null) return NotFound();
        Coach = coach;
        Reviews = await mediator.Send(new Orders.Contracts.GetCoachReviews(id, 5), HttpContext.RequestAborted);
        return Page();
    }
}
