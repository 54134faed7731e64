namespace TechInterviewCoach.Messaging.Domain;

/// <summary>What an open conversation allows.</summary>
internal static class ConversationRules
{
    public static void EnsureOpen(this Conversation c)
    {
        if (c.IsBlocked)
            throw new ForbiddenException("conversation_blocked", "This conversation is blocked: no new messages can be sent by either side.");
        if (c.IsClosed)
            throw new ConflictException("conversation_closed", "This conversation is closed: its history stays, but no new messages can be sent.");
    }
}
