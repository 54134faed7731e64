using System.Text;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>A session email's iCalendar invite travels in Resend's <c>attachments</c> field, as its OpenAPI document names it.</summary>
public sealed class CalendarInviteEmailTests(IntegrationsApp app) : IClassFixture<IntegrationsApp>
{
    [Fact]
    public async Task A_session_email_carries_its_ics_invite_in_resends_attachments_field_with_filename_base64_content_and_content_type()
    {
        var address = $"coachee-{Guid.NewGuid():N}@mail.test";
        var user = await app.CreateUserAsync(Roles.Coachee, "Ada Lovelace", address);
        var sessionId = Guid.NewGuid();
        var starts = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);
        await app.EnqueueAsync(new SendEmail(user.Id, null, new SessionScheduledEmail(Guid.NewGuid(), "Grace Hopper", "Asia/Tokyo", false,
            new SessionInvite(sessionId, 0, "System design mock", starts, 60, "https://meet.jit.si/tic-0123456789abcdef01234567")), $"/sessions/{sessionId}"));
        await app.WaitForOutboxAsync();

        var request = app.Resend.RequestsTo("POST", "/emails").Single(r => r.Body.Contains(address));
        ResendSchema.SendEmailRequest().Properties.ContainsKey("attachments").ShouldBeTrue("attachments is a field of SendEmailRequest");
        var document = (Dictionary<string, object?>)ResendSchema.Yaml.Parse(File.ReadAllLines(ResendSchema.DocumentPath))!;
        var attachmentSchema = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)document["components"]!)["schemas"]!)["Attachment"]!;
        var allowed = ((Dictionary<string, object?>)attachmentSchema["properties"]!).Keys.ToList();

        using var body = JsonDocument.Parse(request.Body);
        var attachment = body.RootElement.GetProperty("attachments").EnumerateArray().Single();
        attachment.EnumerateObject().Select(p => p.Name).ShouldAllBe(name => allowed.Contains(name));
        attachment.GetProperty("filename").GetString().ShouldBe("invite.ics");
        attachment.GetProperty("content_type").GetString().ShouldBe("text/calendar; charset=utf-8; method=REQUEST");
        var ics = Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!));
        ics.ShouldContain("METHOD:REQUEST");
        ics.ShouldContain($"UID:session-{sessionId}@techinterview.coach");
        ics.ShouldContain("DTSTART:20261208T090000Z");
        ics.ShouldContain("ORGANIZER;CN=techinterview.coach:mailto:noreply@techinterview.test");
        body.RootElement.GetProperty("text").GetString()!.ShouldContain("Tue 8 Dec 2026, 18:00 (Asia/Tokyo)");
    }
}
