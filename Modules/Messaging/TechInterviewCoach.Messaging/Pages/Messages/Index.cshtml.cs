namespace TechInterviewCoach.Messaging.Pages.Messages;

[Authorize(Policy = Policies.Member)]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ConversationDto> Conversations { get; private set; } = [];

    public async Task OnGetAsync() =>
        Conversations = await mediator.Send(new ListConversations(User.GetUserId()), HttpContext.RequestAborted);
}
