using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Messaging.Pages.Messages;

/// <summary>/messages/new?coachId=…: the form coach cards link to.</summary>
[Authorize(Policy = Policies.Coachee)]
[EnableRateLimiting(RateLimitPolicies.Messages)]
internal sealed class NewModel(IMediator mediator) : PageModel, IFormPage
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
        await ReloadAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(new StartConversation(User.GetUserId(), Input.CoachId, Input.Text), HttpContext.RequestAborted);
        return Redirect($"/messages/{result.ConversationId}");
    }

    /// <summary>The coach's name for the heading; none for an id that is not a coach who can be written to.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        var coach = Input.CoachId == Guid.Empty ? null : await mediator.Send(new GetUserSummary(Input.CoachId), ct);
        CoachName = coach is { IsDeleted: false, IsSuspended: false } && coach.Roles.Contains(Roles.Coach) ? coach.DisplayName : null;
    }
}
