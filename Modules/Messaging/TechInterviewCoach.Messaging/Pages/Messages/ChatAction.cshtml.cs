using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Messaging.Features.CloseConversation;
using TechInterviewCoach.Messaging.Features.ListConversations;
using TechInterviewCoach.Messaging.Features.ReadMessages;
using TechInterviewCoach.Messaging.Features.ReportMessage;
using TechInterviewCoach.Messaging.Features.Shared;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Messaging.Pages.Messages;

/// <summary>The chat's form actions without JavaScript (the page's script uses the JSON API instead).</summary>
[Authorize(Policy = Policies.Member)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitPolicies.Messages)]
internal sealed class ChatActionModel(IMediator mediator) : PageModel
{
    [TempData] public string? Error { get; set; }

    public IActionResult OnGet(Guid id) => Redirect($"/messages/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, string op, string? text, Guid? messageId, string? reason)
    {
        var me = User.GetUserId();
        var ct = HttpContext.RequestAborted;
        try
        {
            switch (op)
            {
                case "send": await mediator.Send(new Features.SendMessage.SendMessage(id, me, text), ct); break;
                case "close": await mediator.Send(new CloseConversation(id, me), ct); break;
                case "block": await mediator.Send(new BlockConversation(id, me), ct); break;
                case "report":
                    await mediator.Send(new ReportMessage(messageId ?? Guid.Empty, me, reason), ct);
                    break;
                default: return NotFound();
            }
        }
        catch (NotFoundException) { return NotFound(); }
        catch (FluentValidation.ValidationException ex) { Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)); }
        catch (AppException ex) { Error = ex.Message; }
        return Redirect($"/messages/{id}");
    }
}
