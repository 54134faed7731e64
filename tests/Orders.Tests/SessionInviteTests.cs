using System.Text;
using Ical.Net.CalendarComponents;
using MediatR;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The calendar invites as Resend receives them, parsed with Ical.Net.</summary>
public sealed class SessionInviteTests(SessionsApp app) : IClassFixture<SessionsApp>
{
    private sealed record Sent(string Text, string Html, string FileName, string ContentType, Ical.Net.Calendar Calendar, string Ics)
    {
        public CalendarEvent Event => Calendar.Events.Single();
    }

    /// <summary>Every email Resend received that carries an invite for <paramref name="sessionId"/>, in arrival order.</summary>
    private List<Sent> Invites(Guid sessionId) => app.Resend.RequestsTo("POST", "/emails").Select(r => JsonDocument.Parse(r.Body).RootElement)
        .Where(b => b.TryGetProperty("attachments", out _))
        .Select(b =>
        {
            var a = b.GetProperty("attachments")[0];
            var ics = Encoding.UTF8.GetString(Convert.FromBase64String(a.GetProperty("content").GetString()!));
            return new Sent(b.GetProperty("text").GetString()!, b.GetProperty("html").GetString()!, a.GetProperty("filename").GetString()!,
                a.GetProperty("content_type").GetString()!, Ical.Net.Calendar.Load(ics)!, ics);
        })
        .Where(s => s.Event.Uid == $"session-{sessionId}@techinterview.coach").ToList();

    [Fact]
    public async Task The_invites_of_a_booking_a_move_and_a_cancellation_share_one_uid_in_utc_with_a_rising_sequence_and_end_with_method_cancel()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 2);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var session = await app.BookedAsync(buyer, orderId, free[1]);
        (await SessionsApp.RescheduleAsync(buyer, session, free[4])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await buyer.Client.PostAsync($"/api/orders/sessions/{session}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForOutboxAsync();

        var invites = Invites(session);
        invites.Count.ShouldBe(6); // booked, moved, cancelled: each to both sides
        invites.Select(i => (i.Calendar.Method, i.Event.Sequence, i.Event.DtStart!.AsUtc)).Distinct().ShouldBe(
        [
            ("REQUEST", 0, free[1]),
            ("REQUEST", 1, free[4]),
            ("CANCEL", 2, free[4]),
        ]);
        invites.ShouldAllBe(i => i.Event.DtEnd!.AsUtc == i.Event.DtStart!.AsUtc.AddMinutes(60));
        invites.ShouldAllBe(i => i.Ics.Contains($"DTSTART:{i.Event.DtStart!.AsUtc:yyyyMMdd'T'HHmmss}Z"));
        invites.ShouldAllBe(i => i.FileName.EndsWith(".ics") && i.ContentType.StartsWith("text/calendar"));
        invites.ShouldAllBe(i => i.Event.Location!.StartsWith("https://meet.jit.si/tic-"));
        invites.Where(i => i.Calendar.Method == "CANCEL").ShouldAllBe(i => i.Event.Status == "CANCELLED" && i.ContentType.Contains("method=CANCEL"));

        // Each side reads the time in their own zone; the links add the same UTC slot to Google or Outlook.
        var booked = invites.Where(i => i.Event.Sequence == 0).ToList();
        var toCoachee = booked.Single(i => i.Text.Contains("Berta Coach"));
        var toCoach = booked.Single(i => i.Text.Contains("Nora Coachee"));
        toCoachee.Text.ShouldContain("(America/New_York)");
        toCoach.Text.ShouldContain("(Europe/Berlin)");
        var local = TimeZoneInfo.ConvertTimeFromUtc(free[1], TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        toCoachee.Text.ShouldContain(local.ToString("HH:mm"));
        toCoachee.Html.ShouldContain($"dates={free[1]:yyyyMMdd'T'HHmmss}Z/{free[1].AddHours(1):yyyyMMdd'T'HHmmss}Z");
        toCoachee.Html.ShouldContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
        toCoachee.Html.ShouldContain("https://outlook.live.com/calendar/0/deeplink/compose");
    }
}

/// <summary>Reminders 24 hours and 1 hour before, with the app's clock moved by the test.</summary>
public sealed class SessionReminderTests(ClockedSessionsApp app) : IClassFixture<ClockedSessionsApp>
{
    private Task<int> SweepAsync() => app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new SendSessionReminders()));

    private async Task<List<SessionReminderEmail>> RemindersAsync(Guid sessionId) =>
        (await app.EmailsAsync(sessionId)).Select(e => e.Email).OfType<SessionReminderEmail>().Where(r => r.Invite.SessionId == sessionId).ToList();

    [Fact]
    public async Task Each_reminder_goes_once_to_both_sides_a_cancelled_session_gets_none_and_a_moved_one_gets_them_for_its_new_time()
    {
        var (coach, buyer, orderId) = await app.PaidPackageAsync(sessions: 3);
        var free = await SessionsApp.FreeAsync(buyer, orderId);
        var kept = await app.BookedAsync(buyer, orderId, free[0]);
        var cancelled = await app.BookedAsync(buyer, orderId, free[2]);
        var moved = await app.BookedAsync(buyer, orderId, free[4]);
        (await buyer.Client.PostAsync($"/api/orders/sessions/{cancelled}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var later = (await SessionsApp.FreeAsync(buyer, orderId, DateOnly.FromDateTime(free[0].AddDays(7)))).First();
        (await SessionsApp.RescheduleAsync(buyer, moved, later)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SweepAsync()).ShouldBe(0); // more than a day ahead
        app.Time.SetUtcNow(new DateTimeOffset(free[2].AddHours(-23), TimeSpan.Zero)); // the cancelled session's reminder time
        var parallel = await Task.WhenAll(SweepAsync(), SweepAsync(), SweepAsync()); // as two app instances would
        parallel.Sum().ShouldBe(1); // only the kept one's 24-hour reminder, once
        (await SweepAsync()).ShouldBe(0);
        (await RemindersAsync(cancelled)).ShouldBeEmpty();
        var dayBefore = await RemindersAsync(kept);
        dayBefore.Count.ShouldBe(2);
        dayBefore.ShouldAllBe(r => r.HoursBefore == 24 && r.Invite.StartsUtc == free[0] && r.Invite.MeetingUrl.StartsWith("https://"));
        dayBefore.Select(r => r.TimeZone).ShouldBe(["America/New_York", "Europe/Berlin"], ignoreOrder: true);

        app.Time.SetUtcNow(new DateTimeOffset(free[0].AddMinutes(-50), TimeSpan.Zero));
        (await SweepAsync()).ShouldBe(1);
        (await SweepAsync()).ShouldBe(0);
        (await RemindersAsync(kept)).Count(r => r.HoursBefore == 1).ShouldBe(2);

        app.Time.SetUtcNow(new DateTimeOffset(free[4].AddMinutes(-30), TimeSpan.Zero)); // the moved session's old time
        (await SweepAsync()).ShouldBe(0);
        app.Time.SetUtcNow(new DateTimeOffset(later.AddHours(-20), TimeSpan.Zero));
        (await SweepAsync()).ShouldBe(1);
        app.Time.SetUtcNow(new DateTimeOffset(later.AddMinutes(-10), TimeSpan.Zero));
        (await SweepAsync()).ShouldBe(1);
        (await SweepAsync()).ShouldBe(0);

        var movedReminders = await RemindersAsync(moved);
        movedReminders.Count.ShouldBe(4);
        movedReminders.ShouldAllBe(r => r.Invite.StartsUtc == later && r.Invite.Sequence == 1);

        // Near its time, the person's home shows the meeting link.
        app.Time.SetUtcNow(new DateTimeOffset(later.AddMinutes(-10), TimeSpan.Zero));
        var home = await buyer.Client.GetPageAsync("/home");
        home.QuerySelector("[data-testid=home-meeting-link]")!.GetAttribute("href").ShouldStartWith("https://meet.jit.si/tic-");
    }
}
