namespace TechInterviewCoach.Messaging.Pages.Messages;

[Authorize(Policy = Policies.Member)]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ConversationDto> Conversations { get; private set; } = [];
    /// <summary>The coaches' photos (Matching); a coachee or a coach without one shows as initials.</summary>
    public IReadOnlyDictionary<Guid, string> Photos { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        Conversations = await mediator.Send(new ListConversations(User.GetUserId()), HttpContext.RequestAborted);
        Photos = await mediator.Send(new Matching.Contracts.GetCoachPhotos(Conversations.Select(c => c.CoachId).ToList()), HttpContext.RequestAborted);
    }

    /// <summary>The other party's photo: only a coach has one.</summary>
    public string? PhotoOf(ConversationDto c) => c.OtherPartyId == c.CoachId ? Photos.GetValueOrDefault(c.CoachId) : null;
}
