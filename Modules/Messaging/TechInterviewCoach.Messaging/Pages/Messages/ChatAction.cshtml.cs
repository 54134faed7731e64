using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace TechInterviewCoach.Messaging.Pages.Messages;

/// <summary>
/// The chat's form actions without JavaScript (the page's script uses the JSON API instead). Every answer goes back to the
/// chat: a refused action (closed, blocked, empty text...) with its reason shown above the conversation.
/// </summary>
[Authorize(Policy = Policies.Member)]
[EnableRateLimiting(RateLimitPolicies.Messages)]
internal sealed class ChatActionModel(IMediator mediator) : PageModel
{
    [TempData] public string? Error { get; set; }

    public IActionResult OnGet(Guid id) => Redirect($"/messages/{id}");

    public async Task<IActionResult> OnPostAsync(Guid id, string op, string? text, Guid? messageId, string? reason)
    {
        var me = User.GetUserId();
        var ct = HttpContext.RequestAborted;
        switch (op)
        {
            case "send": await mediator.Send(new SendMessage(id, me, text), ct); break;
            case "close": await mediator.Send(new CloseConversation(id, me), ct); break;
            case "block": await mediator.Send(new BlockConversation(id, me), ct); break;
            case "report": await mediator.Send(new ReportMessage(messageId ?? Guid.Empty, me, reason), ct); break;
            default: return NotFound();
        }
        return Redirect($"/messages/{id}");
    }

    /// <summary>
    /// A refusal is this form's answer too: the chat again, with the reason (the <see cref="FailurePageFilter"/> runs inside
    /// this and has answered 404 for a conversation the person is not in).
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not (ValidationException or AppException)) return;
        Error = executed.Exception is ValidationException invalid
            ? string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage))
            : executed.Exception.Message;
        executed.Result = Redirect($"/messages/{context.HandlerArguments["id"]}");
        executed.ExceptionHandled = true;
    }
}
