namespace TechInterviewCoach.Integrations.Contracts;

/// <summary>
/// A product-analytics event. Sent to PostHog with an opaque distinct id (the user id), never an email;
/// properties pass an allow-list; dropped when the person opted out.
/// </summary>
public sealed record TrackEvent(Guid UserId, string Event, IReadOnlyDictionary<string, string> Properties) : INotification;

public static class AnalyticsEvents
{
    public const string QuizCompleted = "quiz_completed";
    public const string MatchesViewed = "matches_viewed";
    public const string ConversationStarted = "conversation_started";
    public const string CheckoutStarted = "checkout_started";
    public const string OrderPaid = "order_paid";
    public const string OrderRefunded = "order_refunded";
    public const string CoachListed = "coach_listed";
}
