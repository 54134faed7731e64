using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Messaging.Features.StartConversation;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Messaging.Pages.Messages;

/// <summary>/messages/new?coachId=…: the form coach cards link to.</summary>
[Authorize(Policy = Policies.Coachee)]
[EnableRateLimiting(RateLimitPolicies.Messages)]
internal sealed class NewModel(IMediator mediator) : PageModel
{
    public sealed class InputModel
    {
        public Guid CoachId { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? CoachName { get; private set; }

    public async Task OnGetAsync(Guid coachId)
    {
        Input.CoachId = coachId;
        await LoadCoachAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadCoachAsync();
        try
        {
            var result = await mediator.Send(new StartConversation(User.GetUserId(), Input.CoachId, Input.Text), HttpContext.RequestAborted);
            return Redirect($"/messages/{result.ConversationId}");
        }
        catch (ValidationException ex) { ModelState.AddErrors(ex); }
        catch (AppException ex) { ModelState.AddError(ex); }
        return Page();
    }

    private async Task LoadCoachAsync()
    {
        var coach = Input.CoachId == Guid.Empty ? null : await mediator.Send(new GetUserSummary(Input.CoachId), HttpContext.RequestAborted);
        CoachName = coach is { IsDeleted: false, IsSuspended: false } && coach.Roles.Contains(Roles.Coach) ? coach.DisplayName : null;
    }
}
