namespace TechInterviewCoach.Integrations.Contracts;

/// <summary>
/// Asks for one transactional email. Modules write it to the outbox in the same transaction as the
/// change it reports; the integrations layer renders the template and sends it through Resend.
/// The model never holds message text, quiz answers or CV content: templates say what happened and link to the page.
/// </summary>
/// <param name="ToUserId">The recipient; the address is looked up when the email is sent.</param>
/// <param name="ToAddress">Only when the recipient has no account any more (the account-deleted confirmation).</param>
/// <param name="Email">The template's model: one record per template with exactly the fields it prints.</param>
/// <param name="LinkPath">App-relative path of the page the email points to, e.g. "/orders/123".</param>
public sealed record SendEmail(
    Guid? ToUserId,
    string? ToAddress,
    EmailModel Email,
    string LinkPath) : INotification
{
    /// <summary>The template's name (one of <see cref="EmailTemplates"/>); written to the outbox payload for readers, derived from the model.</summary>
    public string Template => Email is null ? EmailTemplates.Unknown : EmailTemplates.Of(Email);
}

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
    public const string SessionScheduled = "session_scheduled";
    public const string SessionCalledOff = "session_called_off";
    public const string SessionReminder = "session_reminder";
    public const string RescheduleProposed = "reschedule_proposed";
    public const string RescheduleDeclined = "reschedule_declined";
    public const string SessionProblemReported = "session_problem_reported";
    public const string SessionReportSettled = "session_report_settled";
    internal const string Unknown = "unknown";

    /// <summary>Every template's model type, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Models = typeof(EmailModel)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>()
        .ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType);

    public static string Of(EmailModel model) =>
        Models.FirstOrDefault(kv => kv.Value == model.GetType()).Key ?? Unknown;
}

/// <summary>
/// The model of one email template. Each derived record has exactly the fields its template prints, so a sender
/// that leaves one out does not compile. Times are UTC instants with the recipient's time zone (an IANA id; "UTC" when
/// the person has none); amounts are <see cref="Money"/> in minor units. The outbox stores it as JSON with the
/// template's name as the discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "template")]
[JsonDerivedType(typeof(WelcomeEmail), EmailTemplates.Welcome)]
[JsonDerivedType(typeof(UnreadMessageEmail), EmailTemplates.UnreadMessage)]
[JsonDerivedType(typeof(OrderPaidCoacheeEmail), EmailTemplates.OrderPaidCoachee)]
[JsonDerivedType(typeof(OrderPaidCoachEmail), EmailTemplates.OrderPaidCoach)]
[JsonDerivedType(typeof(SessionBookedEmail), EmailTemplates.SessionBooked)]
[JsonDerivedType(typeof(SessionCancelledEmail), EmailTemplates.SessionCancelled)]
[JsonDerivedType(typeof(OrderRefundedEmail), EmailTemplates.OrderRefunded)]
[JsonDerivedType(typeof(PayoutPaidEmail), EmailTemplates.PayoutPaid)]
[JsonDerivedType(typeof(PayoutFailedEmail), EmailTemplates.PayoutFailed)]
[JsonDerivedType(typeof(DataExportReadyEmail), EmailTemplates.DataExportReady)]
[JsonDerivedType(typeof(AccountDeletedEmail), EmailTemplates.AccountDeleted)]
[JsonDerivedType(typeof(NewSignInEmail), EmailTemplates.NewSignIn)]
[JsonDerivedType(typeof(SessionScheduledEmail), EmailTemplates.SessionScheduled)]
[JsonDerivedType(typeof(SessionCalledOffEmail), EmailTemplates.SessionCalledOff)]
[JsonDerivedType(typeof(SessionReminderEmail), EmailTemplates.SessionReminder)]
[JsonDerivedType(typeof(RescheduleProposedEmail), EmailTemplates.RescheduleProposed)]
[JsonDerivedType(typeof(RescheduleDeclinedEmail), EmailTemplates.RescheduleDeclined)]
[JsonDerivedType(typeof(SessionProblemReportedEmail), EmailTemplates.SessionProblemReported)]
[JsonDerivedType(typeof(SessionReportSettledEmail), EmailTemplates.SessionReportSettled)]
public abstract record EmailModel;

/// <param name="Role">The role the person chose at onboarding (<see cref="Roles"/>): the first steps differ.</param>
public sealed record WelcomeEmail(string Role) : EmailModel;

/// <param name="SenderName">Who wrote; never the message itself.</param>
public sealed record UnreadMessageEmail(string SenderName) : EmailModel;

public sealed record OrderPaidCoacheeEmail(Guid OrderId, string ListingTitle, string CoachName, Money Paid) : EmailModel;

/// <param name="Earnings">What the coach receives after the platform fee.</param>
public sealed record OrderPaidCoachEmail(Guid OrderId, string ListingTitle, string CoacheeName, Money Paid, Money Earnings) : EmailModel;

/// <param name="SessionsUtc">Each booked session's start (UTC), shown in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">The recipient's zone.</param>
public sealed record SessionBookedEmail(Guid OrderId, string ListingTitle, string CounterpartName, IReadOnlyList<DateTime> SessionsUtc, int SessionMinutes, string TimeZone) : EmailModel;

/// <param name="CancelledBy">"coach" or "coachee".</param>
/// <param name="Refund">What is refunded for it (zero: nothing).</param>
public sealed record SessionCancelledEmail(Guid OrderId, string CounterpartName, DateTime SessionUtc, string TimeZone, string CancelledBy, Money Refund) : EmailModel;

/// <param name="Refunded">This refund.</param>
/// <param name="Remaining">What stays charged after every refund so far.</param>
/// <param name="Paid">What was paid for the order.</param>
public sealed record OrderRefundedEmail(Guid OrderId, string ListingTitle, Money Refunded, Money Remaining, Money Paid) : EmailModel;

/// <param name="ArrivalDate">The bank's expected arrival day, when Stripe gave one.</param>
public sealed record PayoutPaidEmail(Money Amount, DateOnly? ArrivalDate) : EmailModel;

public sealed record PayoutFailedEmail(Money Amount) : EmailModel;

public sealed record DataExportReadyEmail(DateTime ExportedAtUtc, string TimeZone) : EmailModel;

public sealed record AccountDeletedEmail : EmailModel;

/// <summary>A browser this account had not signed in from before did. Names the address's network, never the address.</summary>
/// <param name="SignedInAtUtc">When, shown in <paramref name="TimeZone"/>.</param>
/// <param name="Browser">e.g. "Chrome 156".</param>
/// <param name="System">e.g. "Windows".</param>
/// <param name="Network">e.g. "203.0.113.0/24", or "a private network".</param>
public sealed record NewSignInEmail(DateTime SignedInAtUtc, string TimeZone, string Browser, string System, string Network) : EmailModel;

/// <summary>
/// One session as a calendar event, for the email's iCalendar invite (RFC 5545/5546) and add-to-calendar links.
/// The invite's UID is derived from <paramref name="SessionId"/> (stable for the session's life); <paramref name="Sequence"/>
/// grows on every move and on cancellation, so calendars replace the older copy.
/// </summary>
public sealed record SessionInvite(Guid SessionId, int Sequence, string Title, DateTime StartsUtc, int Minutes, string MeetingUrl);

/// <summary>A session was booked (<paramref name="Moved"/> false) or moved to a new time (true); carries a METHOD:REQUEST invite.</summary>
/// <param name="TimeZone">The recipient's zone.</param>
public sealed record SessionScheduledEmail(Guid OrderId, string CounterpartName, string TimeZone, bool Moved, SessionInvite Invite) : EmailModel;

/// <summary>A booked session was cancelled; carries a METHOD:CANCEL invite with a higher SEQUENCE.</summary>
/// <param name="CancelledBy">"coach" or "coachee".</param>
/// <param name="Refund">What is refunded for it (zero: nothing).</param>
public sealed record SessionCalledOffEmail(Guid OrderId, string CounterpartName, string TimeZone, string CancelledBy, Money Refund, SessionInvite Invite) : EmailModel;

/// <param name="HoursBefore">24 or 1.</param>
public sealed record SessionReminderEmail(Guid OrderId, string CounterpartName, string TimeZone, int HoursBefore, SessionInvite Invite) : EmailModel;

/// <summary>The other side proposes a new time for a session and waits for the recipient's answer.</summary>
public sealed record RescheduleProposedEmail(Guid OrderId, string CounterpartName, DateTime CurrentUtc, DateTime ProposedUtc, string TimeZone) : EmailModel;

/// <summary>The other side declined the recipient's proposed time; the session stays at its time.</summary>
public sealed record RescheduleDeclinedEmail(Guid OrderId, string CounterpartName, DateTime SessionUtc, string TimeZone) : EmailModel;

/// <summary>
/// The other side of a session reported a problem with it; the session waits for an admin instead of completing. The
/// reporter's own words stay on the report's page (signed in), not in the email.
/// </summary>
/// <param name="Problem">What was reported, as the report page labels it ("The coach did not attend" …).</param>
public sealed record SessionProblemReportedEmail(Guid OrderId, string CounterpartName, DateTime SessionUtc, string TimeZone, string Problem) : EmailModel;

/// <summary>An admin settled the problem reported for a session; to both sides.</summary>
/// <param name="Refund">What is refunded for the session (zero: the session stands, nothing is refunded).</param>
public sealed record SessionReportSettledEmail(Guid OrderId, DateTime SessionUtc, string TimeZone, Money Refund) : EmailModel;
