using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace TechInterviewCoach.Integrations.Domain;

/// <summary>A file sent with an email (Resend's <c>attachments</c>: filename, base64 content, content type).</summary>
internal sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The iCalendar invite (RFC 5545, iTIP methods of RFC 5546) and add-to-calendar links of a session email, built with Ical.Net.
/// Times are UTC instants (DTSTART/DTEND with Z): every calendar shows them in its owner's zone. One UID per session
/// (<c>session-{id}@techinterview.coach</c>) for its whole life; SEQUENCE is the session's, raised on every move and on
/// cancellation, so a calendar replaces its copy instead of adding a second one.
/// </summary>
internal static class CalendarInvite
{
    public const string Domain = "techinterview.coach";

    public static string Uid(Guid sessionId) => $"session-{sessionId}@{Domain}";

    /// <summary>The invite for a session email; null for other emails.</summary>
    public static EmailAttachment? For(EmailModel model, string organizerAddress, DateTime nowUtc) => model switch
    {
        SessionScheduledEmail m => Build(m.Invite, "REQUEST", organizerAddress, nowUtc),
        SessionReminderEmail m => Build(m.Invite, "REQUEST", organizerAddress, nowUtc),
        SessionCalledOffEmail m => Build(m.Invite, "CANCEL", organizerAddress, nowUtc),
        _ => null,
    };

    public static EmailAttachment Build(SessionInvite invite, string method, string organizerAddress, DateTime nowUtc)
    {
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = $"-//{Domain}//sessions//EN" };
        var start = DateTime.SpecifyKind(invite.StartsUtc, DateTimeKind.Utc);
        var e = new CalendarEvent
        {
            Uid = Uid(invite.SessionId),
            Sequence = invite.Sequence,
            Summary = invite.Title,
            Description = $"Join: {invite.MeetingUrl}",
            Location = invite.MeetingUrl,
            Url = Uri.TryCreate(invite.MeetingUrl, UriKind.Absolute, out var u) ? u : null,
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(invite.Minutes)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Status = method == "CANCEL" ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + Address(organizerAddress)) { CommonName = Domain },
        };
        calendar.Events.Add(e);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(method == "CANCEL" ? "cancel.ics" : "invite.ics", $"text/calendar; charset=utf-8; method={method}", Encoding.UTF8.GetBytes(text));
    }

    /// <summary>"techinterview.coach &lt;hello@x&gt;" → "hello@x".</summary>
    private static string Address(string from)
    {
        var lt = from.IndexOf('<');
        var gt = from.IndexOf('>');
        return lt >= 0 && gt > lt ? from[(lt + 1)..gt].Trim() : from.Trim();
    }

    /// <summary>Google Calendar's event template link (action=TEMPLATE, dates in UTC basic format).</summary>
    public static string GoogleLink(SessionInvite invite)
    {
        var start = DateTime.SpecifyKind(invite.StartsUtc, DateTimeKind.Utc);
        string F(DateTime d) => d.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
               + "&text=" + Uri.EscapeDataString(invite.Title)
               + "&dates=" + F(start) + "/" + F(start.AddMinutes(invite.Minutes))
               + "&details=" + Uri.EscapeDataString("Join: " + invite.MeetingUrl)
               + "&location=" + Uri.EscapeDataString(invite.MeetingUrl);
    }

    /// <summary>Outlook on the web's compose-event deep link (ISO 8601 UTC times).</summary>
    public static string OutlookLink(SessionInvite invite)
    {
        var start = DateTime.SpecifyKind(invite.StartsUtc, DateTimeKind.Utc);
        string F(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
               + "&subject=" + Uri.EscapeDataString(invite.Title)
               + "&startdt=" + Uri.EscapeDataString(F(start)) + "&enddt=" + Uri.EscapeDataString(F(start.AddMinutes(invite.Minutes)))
               + "&body=" + Uri.EscapeDataString("Join: " + invite.MeetingUrl)
               + "&location=" + Uri.EscapeDataString(invite.MeetingUrl);
    }
}
