using MediatR;
using TechInterviewCoach.SharedKernel;

namespace TechInterviewCoach.Messaging.Contracts;

/// <summary>
/// A coachee started a conversation with a coach. Matching turns it into an access grant for that
/// coach to the coachee's quiz and CV; the grant exists before the coach can open the conversation.
/// </summary>
public sealed record ConversationStarted(Guid ConversationId, Guid CoacheeId, Guid CoachId, DateTime At) : INotification;

/// <summary>The coachee closed the conversation: the coach's access to quiz and CV ends; history stays.</summary>
public sealed record ConversationClosed(Guid ConversationId, Guid CoacheeId, Guid CoachId, DateTime At) : INotification;

/// <summary>
/// A coach's responsiveness, published whenever it changes: median minutes to the first reply over
/// answered conversations, and how many conversations still wait for a first reply past the promised time.
/// </summary>
public sealed record CoachResponsivenessMeasured(
    Guid CoachId,
    double? MedianFirstReplyMinutes,
    int AnsweredConversations,
    int OverdueConversations,
    DateTime At) : INotification;

/// <summary>Unread messages across all of the person's conversations (for the navigation badge).</summary>
public sealed record GetUnreadCount(Guid UserId) : IRequest<int>;

/// <summary>The person's conversations and messages, for their data export.</summary>
public sealed record ExportMessagingData(Guid UserId) : IRequest<PersonalDataPart>;

/// <summary>The person's open conversations with messages they have not read yet, latest first (for their start page).</summary>
public sealed record GetConversationsWaiting(Guid UserId, int Take = 10) : IRequest<IReadOnlyList<ConversationWaiting>>;

public sealed record ConversationWaiting(Guid ConversationId, Guid OtherPartyId, int Unread, DateTime LastMessageAt);
