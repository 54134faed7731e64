using MediatR;

namespace TechInterviewCoach.SharedKernel.Outbound;

/// <summary>
/// Asks for one transactional email. Modules write it to the outbox in the same transaction as the
/// change it reports; the integrations layer renders the template and sends it through Resend.
/// Values must never hold message text, quiz answers or CV content: templates say what happened and link to the page.
/// </summary>
/// <param name="ToUserId">The recipient; the address is looked up when the email is sent.</param>
/// <param name="ToAddress">Only when the recipient has no account any more (the account-deleted confirmation).</param>
/// <param name="Template">One of <see cref="EmailTemplates"/>.</param>
/// <param name="Values">Template values (names, amounts, dates already formatted, ids).</param>
/// <param name="LinkPath">App-relative path of the page the email points to, e.g. "/orders/123".</param>
public sealed record SendEmail(
    Guid? ToUserId,
    string? ToAddress,
    string Template,
    IReadOnlyDictionary<string, string> Values,
    string LinkPath) : INotification;

public static class EmailTemplates
{
    public const string Welcome = "welcome";
    public const string UnreadMessage = "unread_message";
    public const string OrderPaidCoachee = "order_paid_coachee";
    public const string OrderPaidCoach = "order_paid_coach";
    public const string SessionBooked = "session_booked";
    public const string SessionCancelled = "session_cancelled";
    public const string OrderRefunded = "order_refunded";
    public const string PayoutPaid = "payout_paid";
    public const string PayoutFailed = "payout_failed";
    public const string DataExportReady = "data_export_ready";
    public const string AccountDeleted = "account_deleted";
    public const string NewSignIn = "new_sign_in";
}

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
