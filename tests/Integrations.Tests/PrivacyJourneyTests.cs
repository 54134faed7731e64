using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>
/// The whole app with all vendor keys but no Stripe key (the payment simulator), unread emails after one second
/// (Messaging's background round every 200 ms, real clock) and an endpoint that throws.
/// </summary>
public sealed class JourneyIntegrationsApp : IntegrationsApp
{
    public JourneyIntegrationsApp()
    {
        Settings["Stripe:SecretKey"] = "";
        Settings["Stripe:WebhookSecret"] = "";
        Settings["Orders:EventPollInterval"] = "00:00:00.050";
        Settings["Orders:EventRetryBaseDelay"] = "00:00:00.050";
        Settings["Orders:EventRetryMaxDelay"] = "00:00:00.400";
        Settings["Messaging:UnreadEmailAfter"] = "00:00:01";
        Settings["Messaging:UnreadEmailMinInterval"] = "00:00:01";
        Settings["Messaging:BackgroundInterval"] = "00:00:00.200";
        ConfigureServices = s => s.AddSingleton<IStartupFilter>(new ThrowAfterPipeline());
    }

    /// <summary>The journey runs once per app; each test scans what it left behind.</summary>
    internal Task<(Guid PersonId, string CoachEmail)>? Journey { get; set; }

    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/test/boom", b => b.Run(_ => throw new InvalidOperationException("journey failure in a signed-in request")));
        };
    }
}

/// <summary>
/// Issue 7's privacy test over the full journey, with every module merged: sign-in, settings, quiz with a CV,
/// matches, an error, a conversation with messages both ways (and the unread emails for each side), an order paid
/// through the payment simulator, a partial refund by an admin, the data export and the account deletion. Then
/// every request that reached Resend, PostHog and Rollbar and every log line is scanned for the person's name,
/// email address, quiz answer, CV file name and message text.
/// </summary>
public sealed class PrivacyJourneyTests(JourneyIntegrationsApp app) : IClassFixture<JourneyIntegrationsApp>
{
    private const string Name = "Xanthippe Brindlewick";
    private const string Email = "xanthippe.brindlewick@private.test";
    private const string QuizAnswer = "Brindlewick Aerospace 4417";
    private const string CvFileName = "xb-secret-cv-8830.pdf";
    private const string MessageText = "my salary at the old place was 93117 gold";
    private const string ReplyText = "lets rehearse the tangerine ladder 6158";
    private const string Reply2Text = "remember the velvet compass 2290";

    private static readonly string[] Secrets =
        [Name, "Xanthippe", "Brindlewick", Email, Uri.EscapeDataString(Email), QuizAnswer, CvFileName, MessageText, "93117", ReplyText, Reply2Text];

    /// <summary>
    /// The whole journey, then a scan of every request to every vendor and every log line. One narrow exception, by
    /// design: a transactional email tells its recipient who they deal with ("… wrote to you", "… paid", "your session
    /// with …"), never in the subject, so the person's display name may appear in the body of Resend's emails addressed
    /// to the coach they wrote to and booked. Every other value (email
    /// address outside Resend's "to", quiz answer, CV file name, message texts, the name anywhere else) appears nowhere.
    /// </summary>
    [Fact]
    public async Task Over_the_whole_journey_no_address_answer_cv_or_message_reaches_a_vendor_or_a_log_line()
    {
        var (_, coachEmail) = await JourneyAsync();
        var leaks = Leaks(allowNameInEmailsTo: coachEmail);
        leaks.ShouldBeEmpty();
    }

    private Task<(Guid PersonId, string CoachEmail)> JourneyAsync()
    {
        lock (app) return app.Journey ??= RunJourneyAsync();
    }

    private async Task<(Guid PersonId, string CoachEmail)> RunJourneyAsync()
    {
        var coachEmail = $"coach-{Guid.NewGuid():N}@mail.test";
        var person = await app.CreateUserAsync(Roles.Coachee, Name, Email, "Europe/Berlin");
        var coach = await app.CreateUserAsync(Roles.Coach, "Coach Neutral", coachEmail, "Europe/Berlin");
        var admin = await app.CreateUserAsync(Roles.Admin, "Admin Neutral", $"admin-{Guid.NewGuid():N}@mail.test");
        foreach (var url in new[] { "/", "/api/identity/me", "/cookies", "/privacy", "/settings" }) await person.Client.GetAsync(url);

        // Settings: the person saves their name and notification address.
        var settings = await person.Client.GetJsonAsync<JsonElement>("/api/identity/settings");
        var saved = await person.Client.PutAsJsonAsync("/api/identity/settings", new
        {
            displayName = Name, headline = settings.GetProperty("headline").GetString(), timeZone = "Europe/Berlin",
            notificationEmail = Email, analyticsOptOut = false,
        });
        saved.IsSuccessStatusCode.ShouldBeTrue(await saved.Content.ReadAsStringAsync());

        // The coach: profile with availability every day, a published listing, payouts through the simulator (listed).
        var everyDay = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, start = "08:00", end = "20:00" }).ToArray();
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", new
        {
            headline = "Staff engineer", bio = "I coach.", yearsOfExperience = 10, companies = Array.Empty<string>(), roles = new[] { "backend" },
            interviewTypes = new[] { "system_design" }, coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" },
            timeZone = "Europe/Berlin", availability = everyDay, isPublished = true,
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var listing = await (await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", Samples.Listing(currency: "EUR"))).ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        var listingId = listing.GetProperty("id").GetGuid();
        (await coach.Client.PostAsync($"/api/matching/coach/listings/{listingId}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).EnsureSuccessStatusCode();
        await coach.Client.GetAsync("/coach/payouts/return");
        (await coach.Client.GetJsonAsync<JsonElement>("/api/orders/payouts")).GetProperty("payable").GetBoolean().ShouldBeTrue();

        // Matching: the quiz (the distinctive free-text company), a CV with a distinctive file name, the matches.
        var quiz = await person.Client.PostAsJsonAsync("/api/matching/quiz/submit", Samples.Quiz(companies: [QuizAnswer], currency: "EUR"));
        quiz.StatusCode.ShouldBe(HttpStatusCode.NoContent, await quiz.Content.ReadAsStringAsync());
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Samples.Pdf(MessageText));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", CvFileName);
        var cv = await person.Client.PostAsync("/api/matching/cv", form);
        cv.IsSuccessStatusCode.ShouldBeTrue(await cv.Content.ReadAsStringAsync());
        (await person.Client.GetAsync("/api/matching/matches")).IsSuccessStatusCode.ShouldBeTrue();
        foreach (var url in new[] { "/quiz", "/cv", "/matches" }) await person.Client.GetAsync(url);
        (await person.Client.GetAsync("/api/test/boom?q=" + Uri.EscapeDataString(QuizAnswer))).IsSuccessStatusCode.ShouldBeFalse();

        // Messaging: the person writes; the coach leaves it unread long enough for an unread email.
        var started = await (await person.Client.PostAsJsonAsync("/api/messaging/conversations", new { coachId = coach.Id, text = MessageText }))
            .ReadJsonAsync<JsonElement>(HttpStatusCode.Created);
        var conversationId = started.GetProperty("conversationId").GetGuid();
        await IntegrationsApp.WaitForAsync(app.Resend, r => r.Body.Contains(coachEmail) && r.Body.Contains("You have an unread message"), "the coach's unread email");

        // The coach reads (SELECT as the coach sees it: the conversation and the coach's shared quiz/CV access), then replies twice.
        (await coach.Client.GetJsonAsync<JsonElement>($"/api/messaging/conversations/{conversationId}/messages")).GetRawText().ShouldContain("93117");
        (await coach.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/read", new { seq = 1 })).IsSuccessStatusCode.ShouldBeTrue();
        await coach.Client.GetAsync($"/api/matching/coachees/{person.Id}/quiz");
        await coach.Client.GetAsync($"/api/matching/coachees/{person.Id}/cv");
        foreach (var text in new[] { ReplyText, Reply2Text })
            (await coach.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/messages", new { text })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await IntegrationsApp.WaitForAsync(app.Resend, r => r.Body.Contains(Email) && r.Body.Contains("You have an unread message"), "the person's unread email");

        // The person reads and answers.
        (await person.Client.GetJsonAsync<JsonElement>("/api/messaging/conversations")).GetRawText().ShouldContain(conversationId.ToString());
        (await person.Client.GetJsonAsync<JsonElement>($"/api/messaging/conversations/{conversationId}/messages")).GetRawText().ShouldContain(ReplyText);
        (await person.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/read", new { seq = 3 })).IsSuccessStatusCode.ShouldBeTrue();
        (await person.Client.PostAsJsonAsync($"/api/messaging/conversations/{conversationId}/messages", new { text = MessageText + " again" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await person.Client.GetAsync("/messages");
        await person.Client.GetAsync($"/messages/{conversationId}");

        // Orders: a checkout paid through the simulator, then a partial refund by an admin.
        var quote = await person.Client.GetJsonAsync<JsonElement>($"/api/orders/checkout/{listingId}");
        quote.GetProperty("simulator").GetBoolean().ShouldBeTrue();
        var slot = quote.GetProperty("slots").EnumerateArray().First().GetProperty("startsAt").GetDateTime();
        var checkout = await (await person.Client.PostAsJsonAsync("/api/orders/checkout", new { listingId, slotStarts = new[] { slot } })).ReadJsonAsync<JsonElement>();
        var orderId = checkout.GetProperty("orderId").GetGuid();
        var page = await person.Client.GetPageAsync(checkout.GetProperty("checkoutUrl").GetString()!);
        (await person.Client.SubmitFormAsync(page, "form:has([data-testid=sim-pay])")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await OrderStateAsync(person.Client, orderId, "Paid");
        (await admin.Client.PostAsJsonAsync($"/api/orders/{orderId}/refunds", new { amountMinor = 2500, reason = "Goodwill" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OrderStateAsync(admin.Client, orderId, "PartiallyRefunded");
        await person.Client.GetAsync("/orders");
        await person.Client.GetAsync($"/orders/{orderId}");
        await coach.Client.GetAsync("/api/orders/coach");

        // Identity: the data export (it holds everything, and goes only to the person), then the deletion.
        var export = await person.Client.PostAsync("/api/identity/export", null);
        export.IsSuccessStatusCode.ShouldBeTrue(await export.Content.ReadAsStringAsync());
        using (var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync()))
            string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd())).ShouldContain(QuizAnswer, Case.Sensitive, "the export holds the person's own data");
        await app.WaitForOutboxAsync();
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(person.Id.ToString()) && r.Body.Contains(AnalyticsEvents.OrderPaid), "the person's order event");
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(person.Id.ToString()) && r.Body.Contains(AnalyticsEvents.ConversationStarted), "the person's conversation event");
        var deleted = await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" });
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());

        await app.WaitForOutboxAsync();
        await IntegrationsApp.WaitForAsync(app.Resend, r => r.Body.Contains(Email) && r.Body.Contains("Your account has been deleted"), "the deletion email");
        await IntegrationsApp.WaitForAsync(app.Resend, r => r.Body.Contains(Email) && r.Body.Contains("Your data was exported"), "the export email");
        await IntegrationsApp.WaitForAsync(app.Rollbar, r => r.Body.Contains(person.Id.ToString()), "the person's error");
        // Analytics: the refund event is the last one the journey sends; then two flush intervals for anything still batched.
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(AnalyticsEvents.OrderRefunded), "the refund event");
        await Task.Delay(300);
        return (person.Id, coachEmail);
    }

    private List<string> Leaks(string? allowNameInEmailsTo)
    {
        var leaks = new List<string>();
        // Resend must know where to send: the address may appear in "to" and nowhere else.
        foreach (var r in app.Resend.Requests)
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            var to = string.Join(",", body["to"]?.AsArray().Select(t => t?.GetValue<string>()) ?? []);
            var subject = body["subject"]?.GetValue<string>() ?? "";
            body.Remove("to");
            var traffic = $"{r.Path}{r.Query}\n{string.Join('\n', r.Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}";
            if (allowNameInEmailsTo is not null && string.Equals(to, allowNameInEmailsTo, StringComparison.OrdinalIgnoreCase)
                && !subject.Contains(Name, StringComparison.OrdinalIgnoreCase))
                traffic = traffic.Replace(Name, "[counterpart's name]", StringComparison.Ordinal);
            foreach (var secret in Secrets.Where(s => traffic.Contains(s, StringComparison.OrdinalIgnoreCase)))
                leaks.Add($"Resend (to {to}, subject \"{subject}\") received '{secret}'");
        }
        foreach (var (vendor, traffic) in new[] { ("PostHog", app.PostHog.AllTraffic), ("Rollbar", app.Rollbar.AllTraffic), ("the logs", app.Logs.AllText) })
        foreach (var secret in Secrets)
            if (traffic.Contains(secret, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{vendor} received '{secret}': …{Around(traffic, secret)}…");
        return leaks;
    }

    private static string Around(string text, string secret)
    {
        var i = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, i - 160);
        return text.Substring(start, Math.Min(text.Length - start, secret.Length + 320)).ReplaceLineEndings(" ");
    }

    private static async Task OrderStateAsync(HttpClient client, Guid orderId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var order = await client.GetJsonAsync<JsonElement>($"/api/orders/{orderId}");
            if (order.GetProperty("state").GetString() == state) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Order {orderId} stayed {order.GetProperty("state").GetString()}, never {state}");
            await Task.Delay(50);
        }
    }
}
