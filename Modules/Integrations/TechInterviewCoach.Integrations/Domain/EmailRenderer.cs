using System.Collections;
using System.Net;
using System.Text;

namespace TechInterviewCoach.Integrations.Domain;

internal sealed record RenderedEmail(string Subject, string Html, string Text, string Link);

/// <summary>
/// Text of every transactional email, one method per template model. A template prints its model's fields and
/// nothing else: it says what happened and links to the page, and never carries message text, quiz answers or CV
/// content. Times are shown in the recipient's zone (named in the text), amounts in major units with the currency.
/// A model with an empty field is refused (a permanent failure, dead-lettered with the field's name), never sent with a gap.
/// Subjects never name a person: the admin email log keeps them after an account is deleted.
/// </summary>
internal sealed class EmailRenderer(IOptions<AppOptions> app)
{
    private sealed record Template(string Subject, string Heading, IReadOnlyList<string> Paragraphs, string Button)
    {
        /// <summary>Further links under the paragraphs (add-to-calendar, the meeting room): label and absolute URL.</summary>
        public IReadOnlyList<(string Label, string Url)> Links { get; init; } = [];
    }

    public static IReadOnlyCollection<string> Known => EmailTemplates.Models.Keys.ToList();

    public RenderedEmail Render(EmailModel? model, string linkPath)
    {
        if (model is null) throw new PermanentFailureException("The email has no template model (written by an older version).");
        Validate(model);
        var t = Compose(model);
        var link = Link(linkPath);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;color:#1f2937\">");
        html.Append("<h1 style=\"font-size:20px\">").Append(WebUtility.HtmlEncode(t.Heading)).Append("</h1>");
        foreach (var p in t.Paragraphs) html.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>");
        foreach (var (label, url) in t.Links)
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(t.Button)).Append("</a></p>");
        html.Append("<p style=\"color:#6b7280;font-size:12px\">techinterview.coach</p></body></html>");

        var text = new StringBuilder();
        text.Append(t.Heading).Append("\n\n");
        foreach (var p in t.Paragraphs) text.Append(p).Append("\n\n");
        foreach (var (label, url) in t.Links) text.Append(label).Append(": ").Append(url).Append("\n\n");
        text.Append(t.Button).Append(": ").Append(link).Append("\n\n-- \ntechinterview.coach\n");

        return new RenderedEmail(t.Subject, html.ToString(), text.ToString(), link);
    }

    private static Template Compose(EmailModel model) => model switch
    {
        WelcomeEmail m => new("Welcome to techinterview.coach", "Welcome aboard",
            m.Role == Roles.Coach
                ? ["Your coach account is ready.", "Next: set up your profile, your weekly availability and a listing, so coachees can find and book you."]
                : ["Your coachee account is ready.", "Next: take the matching quiz and upload your CV to see the coaches that fit you, each with the reason."],
            m.Role == Roles.Coach ? "Set up your profile" : "Take the matching quiz"),

        UnreadMessageEmail m => new("You have an unread message on techinterview.coach", "You have an unread message",
            [$"{Name(m.SenderName)} wrote to you on techinterview.coach. For your privacy, messages are only shown on the site."],
            "Read the message"),

        OrderPaidCoacheeEmail m => new($"Your order is paid: {Label(m.ListingTitle)}", "Thank you, your order is paid",
            [$"You paid {m.Paid} for {Label(m.ListingTitle)} with {Name(m.CoachName)}.", $"Order reference: {m.OrderId}."],
            "View your order"),

        OrderPaidCoachEmail m => new($"New paid order: {Label(m.ListingTitle)}", "You have a new paid order",
            [$"{Name(m.CoacheeName)} paid {m.Paid} for {Label(m.ListingTitle)}. You receive {m.Earnings} after the platform fee.", $"Order reference: {m.OrderId}."],
            "View the order"),

        SessionBookedEmail m => Booked(m),

        SessionCancelledEmail m => new($"Session cancelled: {When(m.SessionUtc, m.TimeZone)}", "A session was cancelled",
            [
                $"The session with {Name(m.CounterpartName)} on {When(m.SessionUtc, m.TimeZone)} was cancelled by the {Label(m.CancelledBy)}.",
                m.Refund.AmountMinor > 0 ? $"{m.Refund} is refunded for it." : $"No refund is due for it ({m.Refund}).",
                $"Order reference: {m.OrderId}.",
            ],
            "View the order"),

        OrderRefundedEmail m => new($"Refund of {m.Refunded} for {Label(m.ListingTitle)}", "A refund was made",
            [
                $"{m.Refunded} of the {m.Paid} paid for {Label(m.ListingTitle)} has been refunded. Refunds take a few days to reach the card that paid.",
                m.Remaining.AmountMinor > 0 ? $"{m.Remaining} remains charged for this order." : $"The order is now fully refunded: {m.Remaining} remains charged.",
                $"Order reference: {m.OrderId}.",
            ],
            "View the order"),

        PayoutPaidEmail m => new($"Payout of {m.Amount} is on its way", "Your payout was sent",
            [m.ArrivalDate is { } day
                ? $"We sent {m.Amount} to your payout account. Your bank expects it on {day.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}."
                : $"We sent {m.Amount} to your payout account. It usually arrives within a few working days."],
            "View your payouts"),

        PayoutFailedEmail m => new($"A payout of {m.Amount} could not be made", "Your payout failed",
            [$"We could not pay out {m.Amount}. Please check your payout account details."],
            "Check your payout account"),

        DataExportReadyEmail m => new("Your data was exported", "Your data was exported",
            [$"You downloaded an export of all your data from Settings on {When(m.ExportedAtUtc, m.TimeZone)}. If that was not you, open Settings and choose \"Sign out everywhere\"."],
            "Open Settings"),

        AccountDeletedEmail => new("Your account has been deleted", "Your account has been deleted",
            ["As you asked, your techinterview.coach account and personal data have been deleted. Order records we must keep by law no longer name you.", "If you did not ask for this, reply to this email."],
            "Visit techinterview.coach"),

        NewSignInEmail m => new("New sign-in to your account", "A new browser signed in to your account",
            [$"Your account was signed in to on {When(m.SignedInAtUtc, m.TimeZone)} from {Label(m.Browser)} on {Label(m.System)}, from {Label(m.Network)}.",
             "If that was you, there is nothing to do. If it was not, open Settings and choose \"Sign out everywhere\", then change your LinkedIn password."],
            "Review your sign-ins"),

        SessionScheduledEmail m => new(m.Moved ? $"Session moved to {When(m.Invite.StartsUtc, m.TimeZone)}" : $"Session booked: {When(m.Invite.StartsUtc, m.TimeZone)}",
            m.Moved ? "Your session has a new time" : "Your session is booked",
            [
                $"Your {m.Invite.Minutes}-minute session of {Label(m.Invite.Title)} with {Name(m.CounterpartName)} {(m.Moved ? "now takes place on" : "is booked for")} {When(m.Invite.StartsUtc, m.TimeZone)}.",
                $"Where to meet: {m.Invite.MeetingUrl}",
                $"Times are in {Zone(m.TimeZone)}; you can change your time zone in Settings. The attached invite adds it to your calendar{(m.Moved ? " and replaces the old time" : "")}. Order reference: {m.OrderId}.",
            ],
            "View the session") { Links = CalendarLinks(m.Invite) },

        SessionCalledOffEmail m => new($"Session cancelled: {When(m.Invite.StartsUtc, m.TimeZone)}", "A session was cancelled",
            [
                $"The session of {Label(m.Invite.Title)} with {Name(m.CounterpartName)} on {When(m.Invite.StartsUtc, m.TimeZone)} was cancelled by the {Label(m.CancelledBy)}.",
                m.Refund.AmountMinor > 0 ? $"{m.Refund} is refunded for it." : $"No refund is due for it ({m.Refund}).",
                $"The attached file removes it from your calendar. Order reference: {m.OrderId}.",
            ],
            "View the order"),

        SessionReminderEmail m => new($"Reminder: {Label(m.Invite.Title)} in {Hours(m.HoursBefore)}", $"Your session starts in {Hours(m.HoursBefore)}",
            [
                $"Your session of {Label(m.Invite.Title)} with {Name(m.CounterpartName)} starts on {When(m.Invite.StartsUtc, m.TimeZone)}.",
                $"Where to meet: {m.Invite.MeetingUrl}",
                $"Order reference: {m.OrderId}.",
            ],
            "View the session") { Links = [("Join the meeting", m.Invite.MeetingUrl)] },

        RescheduleProposedEmail m => new($"New time proposed: {When(m.ProposedUtc, m.TimeZone)}", "A new time is proposed for your session",
            [
                $"{Name(m.CounterpartName)} proposes to move your session from {When(m.CurrentUtc, m.TimeZone)} to {When(m.ProposedUtc, m.TimeZone)}.",
                "Accept or decline it on the session's page. Until you answer, the session stays at its current time.",
                $"Order reference: {m.OrderId}.",
            ],
            "Answer the proposal"),

        RescheduleDeclinedEmail m => new($"New time declined: your session stays on {When(m.SessionUtc, m.TimeZone)}", "Your proposed time was declined",
            [$"{Name(m.CounterpartName)} declined the new time you proposed. The session stays on {When(m.SessionUtc, m.TimeZone)}.", $"Order reference: {m.OrderId}."],
            "View the session"),

        SessionProblemReportedEmail m => new($"A problem was reported for your session on {When(m.SessionUtc, m.TimeZone)}", "A problem was reported for your session",
            [
                $"{Name(m.CounterpartName)} reported a problem with your session on {When(m.SessionUtc, m.TimeZone)}: {Label(m.Problem)}.",
                "The session now waits for an admin's decision instead of completing. Until then you can give your side once, on the report's page.",
                $"Order reference: {m.OrderId}.",
            ],
            "Read the report and give your side"),

        SessionReportSettledEmail m => new($"Reported session settled: {When(m.SessionUtc, m.TimeZone)}", "The reported session is settled",
            [
                $"An admin settled the problem reported for the session on {When(m.SessionUtc, m.TimeZone)}.",
                m.Refund.AmountMinor > 0
                    ? $"The session is refunded: {m.Refund} goes back to the coachee's card."
                    : $"The session stands, so nothing is refunded for it ({m.Refund}).",
                $"Order reference: {m.OrderId}.",
            ],
            "Read the decision"),

        _ => throw new PermanentFailureException($"No email template for {model.GetType().Name}."),
    };

    private static Template Booked(SessionBookedEmail m)
    {
        var times = m.SessionsUtc.Order().Select(s => When(s, m.TimeZone)).ToList();
        var paragraphs = new List<string>
        {
            times.Count == 1
                ? $"Your {m.SessionMinutes}-minute session of {Label(m.ListingTitle)} with {Name(m.CounterpartName)} is booked for {times[0]}."
                : $"Your {times.Count} sessions of {Label(m.ListingTitle)} with {Name(m.CounterpartName)} are booked, {m.SessionMinutes} minutes each:",
        };
        if (times.Count > 1) paragraphs.AddRange(times.Select((t, i) => $"Session {i + 1}: {t}"));
        paragraphs.Add($"Times are in {Zone(m.TimeZone)}; you can change your time zone in Settings. Order reference: {m.OrderId}.");
        return new(times.Count == 1 ? $"Session booked: {times[0]}" : $"{times.Count} sessions booked, the first on {times[0]}",
            times.Count == 1 ? "Your session is booked" : "Your sessions are booked", paragraphs, "View the booking");
    }

    private static string Hours(int hours) => hours == 1 ? "1 hour" : $"{hours} hours";

    private static IReadOnlyList<(string, string)> CalendarLinks(SessionInvite invite) =>
        [("Join the meeting", invite.MeetingUrl), ("Add to Google Calendar", CalendarInvite.GoogleLink(invite)), ("Add to Outlook", CalendarInvite.OutlookLink(invite))];

    /// <summary>"Mon 7 Dec 2026, 10:00 (Europe/Berlin)"; a person without a known zone reads "(UTC)".</summary>
    internal static string When(DateTime utc, string timeZone) => UserTime.Format(utc, UserTime.Find(timeZone));

    private static string Zone(string timeZone) => UserTime.Find(timeZone).Id;

    /// <summary>Every field of the model must hold something: a missing name or amount is a sender's bug, refused, not sent with a gap.</summary>
    internal static void Validate(EmailModel model)
    {
        var template = EmailTemplates.Of(model);
        foreach (var p in model.GetType().GetProperties())
        {
            if (p.Name == "EqualityContract") continue;
            var value = p.GetValue(model);
            var empty = value switch
            {
                null => Nullable.GetUnderlyingType(p.PropertyType) is null,
                string s => string.IsNullOrWhiteSpace(s),
                Guid g => g == Guid.Empty,
                DateTime d => d == default,
                Money money => !Currencies.IsSupported(money.Currency) || money.AmountMinor < 0,
                SessionInvite invite => InviteGap(invite) is { } gap ? throw new PermanentFailureException($"The {template} email has no {p.Name}.{gap}.") : false,
                int i => i <= 0,
                ICollection c => c.Count == 0,
                _ => false,
            };
            if (empty) throw new PermanentFailureException($"The {template} email has no {p.Name}.");
        }
    }

    /// <summary>The invite's empty field (its SEQUENCE may be 0), or null.</summary>
    private static string? InviteGap(SessionInvite i) =>
        i.SessionId == Guid.Empty ? nameof(i.SessionId) : string.IsNullOrWhiteSpace(i.Title) ? nameof(i.Title) : i.StartsUtc == default ? nameof(i.StartsUtc)
        : i.Minutes <= 0 ? nameof(i.Minutes) : !Uri.TryCreate(i.MeetingUrl, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps ? nameof(i.MeetingUrl) : null;

    /// <summary>The page link: App:BaseUrl + an app-relative path (anything else points at the home page).</summary>
    public string Link(string? linkPath)
    {
        var path = linkPath is { Length: > 0 } p && p[0] == '/' && !p.StartsWith("//") && !p.Contains('\\') ? p : "/";
        return app.Value.BaseUrl.TrimEnd('/') + path;
    }

    /// <summary>A person's name: control characters removed, shortened; anything that looks like an address is withheld.</summary>
    private static string Name(string value)
    {
        var v = Label(value);
        return Scrub.LooksLikeEmail(v) ? "A techinterview.coach member" : v;
    }

    private static string Label(string value)
    {
        var v = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (Scrub.LooksLikeEmail(v)) v = "(withheld)";
        return v.Length > 120 ? v[..120] + "…" : v;
    }
}
