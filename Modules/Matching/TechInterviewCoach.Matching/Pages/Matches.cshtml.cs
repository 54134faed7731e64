using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Matching.Features.Matches;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Coachee)]
internal sealed class MatchesModel(IMediator mediator) : PageModel
{
    [FromQuery] public string? InterviewType { get; set; }
    [FromQuery] public string? Language { get; set; }
    [FromQuery] public long? MaxBudget { get; set; }
    [FromQuery] public double? MinOverlapHours { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<MatchResult>? Result { get; private set; }
    public bool NeedsQuiz { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        try { Result = await mediator.Send(new GetMatches(User.GetUserId(), InterviewType, MaxBudget, Language, MinOverlapHours, PageNumber, 20), HttpContext.RequestAborted); }
        catch (ConflictException) { NeedsQuiz = true; }
        catch (InputException ex) { Error = ex.Message; }
    }
}
