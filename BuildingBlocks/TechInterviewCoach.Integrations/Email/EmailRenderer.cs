using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.SharedKernel.Outbound;

namespace TechInterviewCoach.Integrations.Email;

internal sealed record RenderedEmail(string Subject, string Html, string Text, string Link);

/// <summary>
/// Text of every transactional email. A template says what happened and links to the page; it never
/// carries message text, quiz answers or CV content. Placeholders are {key|fallback}: a value the module
/// passed (a name, an amount, a date, an id) or the fallback when it did not.
/// </summary>
internal sealed partial class EmailRenderer(IOptions<AppOptions> app)
{
    private sealed record Template(string Subject, string Heading, string[] Paragraphs, string Button);

    private static readonly Dictionary<string, Template> Templates = new()
    {
        [EmailTemplates.Welcome] = new("Welcome to techinterview.coach", "Welcome aboard",
            ["Your account is ready. Coachees: take the matching quiz to see the coaches that fit you. Coaches: set up your profile and listings."],
            "Open techinterview.coach"),
        [EmailTemplates.UnreadMessage] = new("New message from {senderName|your conversation partner}", "You have an unread message",
            ["{senderName|Someone} wrote to you on techinterview.coach. For your privacy, messages are only shown on the site."],
            "Read the message"),
        [EmailTemplates.OrderPaidCoachee] = new("Your order is paid: {listingTitle|coaching with {coachName|your coach}}", "Thank you, your order is paid",
            ["You paid {amount|the full amount} for {listingTitle|your coaching order} with {coachName|your coach}.", "Order reference: {orderId|see your orders}."],
            "View your order"),
        [EmailTemplates.OrderPaidCoach] = new("New order from {coacheeName|a coachee}", "You have a new paid order",
            ["{coacheeName|A coachee} paid {amount|an order} for {listingTitle|one of your listings}.", "Order reference: {orderId|see your orders}."],
            "View the order"),
        [EmailTemplates.SessionBooked] = new("Session booked: {date|see the details}", "Your session is booked",
            ["Your session with {counterpartName|your coaching partner} is booked for {date|the agreed time}."],
            "View the session"),
        [EmailTemplates.SessionCancelled] = new("Session cancelled: {date|see the details}", "A session was cancelled",
            ["The session with {counterpartName|your coaching partner} on {date|the agreed date} was cancelled."],
            "View the order"),
        [EmailTemplates.OrderRefunded] = new("Refund of {amount|your order}", "Your order was refunded",
            ["{amount|The amount you paid} for {listingTitle|your order} has been refunded. It can take a few days to reach your account.", "Order reference: {orderId|see your orders}."],
            "View the order"),
        [EmailTemplates.PayoutPaid] = new("Payout of {amount|your earnings} is on its way", "Your payout was sent",
            ["We sent {amount|your earnings} to your payout account on {date|today}."],
            "View your payouts"),
        [EmailTemplates.PayoutFailed] = new("A payout could not be made", "Your payout failed",
            ["We could not pay out {amount|your earnings}. Please check your payout account details."],
            "Check your payout account"),
        [EmailTemplates.DataExportReady] = new("Your data was exported", "Your data was exported",
            ["You downloaded an export of all your data from Settings ({exportedAt|just now}). If that was not you, open Settings and choose \"Sign out everywhere\"."],
            "Open Settings"),
        [EmailTemplates.NewSignIn] = new("New sign-in to your account", "A new browser signed in to your account",
            ["Your account was signed in to on {signedInAt|just now} from {browser|a browser} on {system|an unknown system}, from {network|an unknown network}.",
             "If that was you, there is nothing to do. If it was not, open Settings and choose \"Sign out everywhere\", then sign in to LinkedIn and change your password."],
            "Review your sign-ins"),
        [EmailTemplates.AccountDeleted] = new("Your account has been deleted", "Your account has been deleted",
            ["As you asked, your techinterview.coach account and personal data have been deleted. Order records we must keep by law no longer name you.", "If you did not ask for this, reply to this email."],
            "Visit techinterview.coach"),
    };

    public static IReadOnlyCollection<string> Known => Templates.Keys;

    public RenderedEmail Render(string template, IReadOnlyDictionary<string, string> values, string linkPath)
    {
        if (!Templates.TryGetValue(template, out var t))
            throw new PermanentFailureException($"Unknown email template '{Scrub.Text(template, 60)}'.");
        var safe = values.ToDictionary(kv => kv.Key, kv => Clean(kv.Value), StringComparer.OrdinalIgnoreCase);
        var link = Link(linkPath);

        var subject = Fill(t.Subject, safe, encode: false);
        var heading = Fill(t.Heading, safe, encode: false);
        var paragraphs = t.Paragraphs.Select(p => (Html: Fill(p, safe, encode: true), Text: Fill(p, safe, encode: false))).ToList();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;color:#1f2937\">");
        html.Append("<h1 style=\"font-size:20px\">").Append(WebUtility.HtmlEncode(heading)).Append("</h1>");
        foreach (var p in paragraphs) html.Append("<p>").Append(p.Html).Append("</p>");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(t.Button)).Append("</a></p>");
        html.Append("<p style=\"color:#6b7280;font-size:12px\">techinterview.coach</p></body></html>");

        var text = new StringBuilder();
        text.Append(heading).Append("\n\n");
        foreach (var p in paragraphs) text.Append(p.Text).Append("\n\n");
        text.Append(t.Button).Append(": ").Append(link).Append("\n\n-- \ntechinterview.coach\n");

        return new RenderedEmail(subject, html.ToString(), text.ToString(), link);
    }

    /// <summary>The page link: App:BaseUrl + an app-relative path (anything else points at the home page).</summary>
    public string Link(string? linkPath)
    {
        var path = linkPath is { Length: > 0 } p && p[0] == '/' && !p.StartsWith("//") && !p.Contains('\\') ? p : "/";
        return app.Value.BaseUrl.TrimEnd('/') + path;
    }

    /// <summary>Values are short labels; anything that looks like an address is withheld, control characters removed.</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (Scrub.LooksLikeEmail(v)) return "";
        return v.Length > 120 ? v[..120] + "…" : v;
    }

    private static string Fill(string pattern, IReadOnlyDictionary<string, string> values, bool encode)
    {
        // Innermost placeholders first, so a fallback may hold another placeholder.
        var result = pattern;
        for (var i = 0; i < 4 && Placeholder().IsMatch(result); i++)
            result = Placeholder().Replace(result, m =>
            {
                var key = m.Groups["key"].Value;
                if (values.TryGetValue(key, out var v) && v.Length > 0) return encode ? Marker(WebUtility.HtmlEncode(v)) : Marker(v);
                var fallback = m.Groups["fallback"].Success ? m.Groups["fallback"].Value : "";
                return encode ? WebUtility.HtmlEncode(fallback) : fallback;
            });
        return Unmark(result);
    }

    // Values are wrapped while filling so a value containing "{x}" is never treated as a placeholder.
    private static string Marker(string v) => "\u0001" + Convert.ToBase64String(Encoding.UTF8.GetBytes(v)) + "\u0002";

    private static string Unmark(string s) => MarkedValue().Replace(s, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [GeneratedRegex(@"\{(?<key>[A-Za-z0-9_]+)(\|(?<fallback>[^{}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\u0001([A-Za-z0-9+/=]*)\u0002")]
    private static partial Regex MarkedValue();
}
