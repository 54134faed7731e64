namespace TechInterviewCoach.Messaging.Pages.Messages;

/// <summary>/messages/{id}: the chat. Opening it marks the conversation read.</summary>
[Authorize(Policy = Policies.Member)]
internal sealed class ChatModel(IMediator mediator) : PageModel
{
    public ConversationDto Conversation { get; private set; } = null!;
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public Guid Me { get; private set; }
    [TempData] public string? Error { get; set; }
    /// <summary>For the coachee: their paid orders with this coach that still have sessions to book (Orders' figures).</summary>
    public IReadOnlyList<Orders.Contracts.SessionsToBook> ToBook { get; private set; } = [];
    /// <summary>For the coachee: the coach's photo (Matching); null shows the initials.</summary>
    public string? OtherPartyPhoto { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Me = User.GetUserId();
        var ct = HttpContext.RequestAborted;
        Conversation = await mediator.Send(new GetConversation(id, Me), ct);
        if (Conversation.CoacheeId == Me)
        {
            ToBook = await mediator.Send(new Orders.Contracts.GetSessionsToBook(Me, Conversation.CoachId), ct);
            OtherPartyPhoto = (await mediator.Send(new Matching.Contracts.GetCoachPhotos([Conversation.CoachId]), ct)).GetValueOrDefault(Conversation.CoachId);
        }
        Messages = await mediator.Send(new GetMessages(id, Me, null, 200), ct);
        if (Messages.Count > 0 && Conversation.MyReadSeq < Messages[^1].Seq)
            await mediator.Send(new MarkRead(id, Me, Messages[^1].Seq), ct);
    }
}
