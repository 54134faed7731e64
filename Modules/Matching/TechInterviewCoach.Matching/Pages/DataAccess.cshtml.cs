using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Matching.Features.Access;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Matching.Pages;

[Authorize(Policy = Policies.Member)]
internal sealed class MyDataAccessModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AccessLogItem> Log { get; private set; } = [];
    public async Task OnGetAsync() => Log = await mediator.Send(new GetMyDataAccess(User.GetUserId()), HttpContext.RequestAborted);
}

/// <summary>A coach's view of one coachee's quiz and CV: 404 unless that coachee started a conversation with this coach. Each view is logged.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class CoacheeModel(IMediator mediator) : PageModel
{
    public SharedQuiz Quiz { get; private set; } = null!;
    /// <summary>What was read from the coachee's CV (logged as its own view); null without a CV.</summary>
    public Features.CvReadingView? Reading { get; private set; }
    public string CoacheeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid coacheeId)
    {
        try { Quiz = await mediator.Send(new ViewCoacheeQuiz(User.GetUserId(), coacheeId), HttpContext.RequestAborted); }
        catch (NotFoundException) { return NotFound(); }
        Reading = await mediator.Send(new Features.ViewCoacheeCvReading(User.GetUserId(), coacheeId), HttpContext.RequestAborted);
        CoacheeName = (await mediator.Send(new GetUserSummary(coacheeId), HttpContext.RequestAborted))?.DisplayName ?? "Coachee";
        return Page();
    }
}
