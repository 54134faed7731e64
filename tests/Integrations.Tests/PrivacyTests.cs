using System.Text.Json.Nodes;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>
/// Drives what the app can do today with distinctive personal data, then scans every request that reached every
/// vendor stand-in and every log line. On main today: sign-in, the site's pages, emails and analytics events as
/// modules write them (including values a careless module might pass), an error in a signed-in request, Settings,
/// the quiz with a CV upload and the matches (Matching).
/// The full journey with every module merged (conversation both ways with unread emails, a simulator order, a
/// partial refund, the export and the deletion) is <see cref="PrivacyJourneyTests"/>.
/// </summary>
public sealed class PrivacyTests(ThrowingIntegrationsApp app) : IClassFixture<ThrowingIntegrationsApp>
{
    private const string Name = "Zephyrine Quillfeather";
    private const string Email = "zephyrine.quillfeather@private.test";
    private const string QuizAnswer = "Quillfeather Dynamics 7731";
    private const string CvFileName = "zq-secret-cv-5521.pdf";
    private const string MessageText = "meet me at the blue lantern 9402";

    private static readonly string[] Secrets = [Name, "Zephyrine", "Quillfeather", Email, Uri.EscapeDataString(Email), QuizAnswer, CvFileName, MessageText];

    [Fact]
    public async Task Personal_data_never_reaches_a_vendor_or_a_log_line()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, Name, Email, "Europe/Berlin");
        var coach = await app.CreateUserAsync(Roles.Coach, "Coach Neutral", $"coach-{Guid.NewGuid():N}@mail.test");
        foreach (var url in new[] { "/", "/api/identity/me", "/cookies", "/privacy" }) await person.Client.GetAsync(url);

        // Matching: the quiz (a free-text company is the distinctive answer), a CV with a distinctive file name, the matches.
        var quiz = await person.Client.PostAsJsonAsync("/api/matching/quiz/submit", new
        {
            targetRoles = new[] { "backend" }, seniority = "senior", targetCompanies = new[] { QuizAnswer },
            interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
            interviewTypes = new[] { "system_design" }, focusAreas = new[] { "distributed" }, languages = new[] { "en" },
            timeZone = "Europe/Berlin", budgetMinor = 15000, budgetCurrency = "EUR",
            availability = new[] { new { day = "Monday", start = "18:00", end = "21:00" } },
        });
        quiz.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent, await quiz.Content.ReadAsStringAsync());
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Samples.Pdf(MessageText));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", CvFileName);
        var cv = await person.Client.PostAsync("/api/matching/cv", form);
        cv.IsSuccessStatusCode.ShouldBeTrue(await cv.Content.ReadAsStringAsync());
        (await person.Client.GetAsync("/api/matching/matches")).IsSuccessStatusCode.ShouldBeTrue();
        foreach (var url in new[] { "/quiz", "/cv", "/matches", "/settings" }) await person.Client.GetAsync(url);

        (await person.Client.GetAsync("/api/test/boom?q=" + Uri.EscapeDataString(QuizAnswer))).IsSuccessStatusCode.ShouldBeFalse();

        // What the journeys write to the outbox, with the distinctive values where a careless module might put them.
        var careless = new Dictionary<string, string>
        {
            ["quizAnswer"] = QuizAnswer, ["cvFileName"] = CvFileName, ["messageText"] = MessageText, ["email"] = Email,
        };
        // Email models have no field for such values; a name that is an address is withheld.
        await app.EnqueueAsync(new SendEmail(person.Id, null, new WelcomeEmail(Roles.Coachee), "/quiz"));
        await app.EnqueueAsync(new SendEmail(coach.Id, null, new UnreadMessageEmail(Email), "/messages"));
        await app.EnqueueAsync(new SendEmail(person.Id, null, new OrderPaidCoacheeEmail(Guid.NewGuid(), "Mock interview", "Grace Hopper", new Money(8000, "EUR")), "/orders"));
        await app.EnqueueAsync(new TrackEvent(person.Id, AnalyticsEvents.QuizCompleted, new Dictionary<string, string>(careless) { ["interview_type"] = "coding", ["name"] = Name }));
        await app.EnqueueAsync(new TrackEvent(person.Id, AnalyticsEvents.ConversationStarted, new Dictionary<string, string> { ["first_message"] = MessageText, ["source"] = "matches" }));
        await app.EnqueueAsync(new TrackEvent(person.Id, AnalyticsEvents.OrderPaid, new Dictionary<string, string> { ["amount"] = "8000", ["currency"] = "eur", ["kind"] = "single" }));
        await app.WaitForOutboxAsync();

        await IntegrationsApp.WaitForAsync(app.Resend, r => r.Body.Contains(Email), "the person's emails");
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(person.Id.ToString()) && r.Body.Contains(AnalyticsEvents.OrderPaid), "the person's events");
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(person.Id.ToString()) && r.Body.Contains(AnalyticsEvents.MatchesViewed), "the matches event");
        await IntegrationsApp.WaitForAsync(app.Rollbar, r => r.Body.Contains(person.Id.ToString()), "the person's error");

        // Resend must know where to send: the address may appear in "to" and nowhere else.
        var resendTraffic = string.Join('\n', app.Resend.Requests.Select(r =>
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            body.Remove("to");
            return $"{r.Path}{r.Query}\n{string.Join('\n', r.Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}";
        }));
        foreach (var (vendor, traffic) in new[] { ("Resend", resendTraffic), ("PostHog", app.PostHog.AllTraffic), ("Rollbar", app.Rollbar.AllTraffic) })
        foreach (var secret in Secrets)
            traffic.ShouldNotContain(secret, Case.Insensitive, $"{vendor} received '{secret}'");

        var logs = app.Logs.AllText;
        foreach (var secret in Secrets) logs.ShouldNotContain(secret, Case.Insensitive, $"a log line holds '{secret}'");
    }
}
