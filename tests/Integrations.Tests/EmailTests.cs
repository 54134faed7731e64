using System.Net;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.Integrations.Data;
using TechInterviewCoach.Integrations.Email;
using TechInterviewCoach.SharedKernel;
using TechInterviewCoach.SharedKernel.Outbound;

namespace TechInterviewCoach.Integrations.Tests;

/// <summary>Transactional email through a Resend stand-in over real HTTP, sent from the outbox.</summary>
public sealed class EmailTests(IntegrationsApp app) : IClassFixture<IntegrationsApp>
{
    private static readonly Dictionary<string, string> OrderValues = new()
    {
        ["coachName"] = "Grace Hopper", ["listingTitle"] = "System design mock", ["amount"] = "€120.00", ["orderId"] = "ord_42",
    };

    private async Task<(TestUser User, string Address)> NewCoacheeAsync(string name = "Ada Lovelace")
    {
        var address = $"coachee-{Guid.NewGuid():N}@mail.test";
        return (await app.CreateUserAsync(Roles.Coachee, name, address), address);
    }

    [Fact]
    public async Task A_sent_email_has_the_fields_resends_openapi_document_requires_with_the_right_types()
    {
        var (user, address) = await NewCoacheeAsync();
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.OrderPaidCoachee, OrderValues, "/orders/ord_42"));
        await app.WaitForOutboxAsync();

        var request = app.Resend.RequestsTo("POST", "/emails").Single(r => r.Body.Contains(address));
        request.Header("Authorization").ShouldBe($"Bearer {IntegrationsApp.ResendKey}");
        request.Header("Idempotency-Key").ShouldBe(messageId.ToString());
        request.Header("Content-Type")!.ShouldStartWith("application/json");

        var schema = ResendSchema.SendEmailRequest();
        schema.Required.ShouldBe(["from", "to", "subject"], ignoreOrder: true);
        using var body = JsonDocument.Parse(request.Body);
        var fields = body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        foreach (var required in schema.Required) fields.ShouldContainKey(required);
        foreach (var (name, value) in fields)
        {
            schema.Properties.ContainsKey(name).ShouldBeTrue($"'{name}' is not a field of Resend's SendEmailRequest");
            var property = schema.Properties[name];
            var kind = value.ValueKind switch { JsonValueKind.String => "string", JsonValueKind.Array => "array", JsonValueKind.Object => "object", var k => k.ToString() };
            property.Types.ShouldContain(kind, $"'{name}' is a {kind}, the schema allows {string.Join("/", property.Types)}");
            if (kind == "array")
                value.EnumerateArray().ShouldAllBe(item => item.ValueKind == JsonValueKind.String && property.ItemType == "string");
        }
        fields.Keys.ShouldBe(["from", "to", "subject", "html", "text"], ignoreOrder: true);
        fields["from"].GetString().ShouldBe(IntegrationsApp.From);
        fields["to"].EnumerateArray().Select(e => e.GetString()).ShouldBe([address]);
        fields["subject"].GetString().ShouldBe("Your order is paid: System design mock");
        var link = $"{IntegrationsApp.BaseUrl}/orders/ord_42";
        fields["html"].GetString()!.ShouldContain($"href=\"{link}\"");
        fields["text"].GetString()!.ShouldContain(link);
        fields["text"].GetString()!.ShouldContain("You paid €120.00 for System design mock with Grace Hopper.");

        var email = await app.EmailForAsync(messageId);
        email.ShouldNotBeNull();
        email.Status.ShouldBe(EmailStatus.Sent);
        email.RecipientUserId.ShouldBe(user.Id);
        email.ResendId.ShouldNotBeNullOrEmpty();
        email.SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Rate_limited_once_then_accepted_sends_exactly_one_email_with_the_same_idempotency_key()
    {
        var (user, address) = await NewCoacheeAsync();
        app.ResendScript[address] = new([(429, """{"statusCode":429,"name":"rate_limit_exceeded","message":"Too many requests."}""")]);
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.Welcome, new Dictionary<string, string>(), "/"));
        await app.WaitForOutboxAsync();

        var attempts = app.Resend.RequestsTo("POST", "/emails").Where(r => r.Body.Contains(address)).ToList();
        attempts.Count.ShouldBe(2);
        attempts.Select(r => r.Header("Idempotency-Key")).ShouldAllBe(k => k == messageId.ToString());
        attempts[1].Body.ShouldBe(attempts[0].Body);
        var email = await app.EmailForAsync(messageId);
        email!.Status.ShouldBe(EmailStatus.Sent);
        email.Attempts.ShouldBe(1, "the resilience handler retried the 429 on the wire within one outbox attempt");
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.Done);
        var all = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IntegrationsDbContext>().Emails.Count(e => e.OutboxMessageId == messageId)));
        all.ShouldBe(1);
    }

    [Fact]
    public async Task A_server_error_and_a_garbage_answer_are_retried_and_the_email_is_still_sent_once()
    {
        var (user, address) = await NewCoacheeAsync();
        app.ResendScript[address] = new([(503, "<html>upstream down</html>"), (502, "not json at all")]);
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.PayoutPaid, new Dictionary<string, string> { ["amount"] = "€90.00" }, "/coach/payouts"));
        await app.WaitForOutboxAsync();

        app.Resend.RequestsTo("POST", "/emails").Count(r => r.Body.Contains(address)).ShouldBe(3);
        (await app.EmailForAsync(messageId))!.Status.ShouldBe(EmailStatus.Sent);
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.Done);
    }

    [Fact]
    public async Task An_email_that_keeps_failing_is_dead_lettered_after_the_outbox_attempts_run_out()
    {
        var (user, address) = await NewCoacheeAsync();
        // Outbox:MaxAttempts (8) attempts, each one try and Resend:MaxRetries (2) retries by the resilience handler.
        app.ResendScript[address] = new(Enumerable.Range(0, 8 * 3).Select(_ => (500, """{"statusCode":500,"name":"application_error","message":"Internal error."}""")));
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.PayoutFailed, new Dictionary<string, string>(), "/coach/payouts"));
        await app.WaitForOutboxAsync(TimeSpan.FromSeconds(30));

        var calls = app.Resend.RequestsTo("POST", "/emails").Where(r => r.Body.Contains(address)).ToList();
        calls.Count.ShouldBe(8 * 3);
        calls.ShouldAllBe(r => r.Header("Idempotency-Key") == messageId.ToString());
        var email = await app.EmailForAsync(messageId);
        email!.Status.ShouldBe(EmailStatus.DeadLettered);
        email.Attempts.ShouldBe(8);
        email.LastError!.ShouldContain("500");
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.DeadLettered);
    }

    [Fact]
    public async Task A_refused_email_is_dead_lettered_at_once_with_resends_reason_and_no_address()
    {
        var (user, address) = await NewCoacheeAsync();
        app.ResendScript[address] = new([(422, $$"""{"statusCode":422,"name":"validation_error","message":"Invalid `to` field: {{address}} is not allowed."}""")]);
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.SessionBooked, new Dictionary<string, string> { ["date"] = "Mon 23 Nov, 10:00" }, "/orders/1"));
        await app.WaitForOutboxAsync();

        app.Resend.RequestsTo("POST", "/emails").Count(r => r.Body.Contains(address)).ShouldBe(1);
        var email = await app.EmailForAsync(messageId);
        email!.Status.ShouldBe(EmailStatus.DeadLettered);
        email.LastError!.ShouldContain("422");
        email.LastError!.ShouldContain("validation_error");
        email.LastError!.ShouldNotContain(address);
        var outbox = await app.OutboxMessageAsync(messageId);
        outbox.Status.ShouldBe(OutboxStatus.DeadLettered);
        outbox.Attempts.ShouldBe(1);
        outbox.LastError!.ShouldContain("validation_error");
        app.Logs.AllText.ShouldNotContain(address);
    }

    [Fact]
    public async Task An_email_to_an_unknown_or_deleted_person_is_recorded_as_not_sent_and_nothing_fails()
    {
        var nobody = Guid.NewGuid();
        var before = app.Resend.Requests.Count;
        var messageId = await app.EnqueueAsync(new SendEmail(nobody, null, EmailTemplates.UnreadMessage, new Dictionary<string, string>(), "/messages"));
        await app.WaitForOutboxAsync();

        (await app.EmailForAsync(messageId))!.Status.ShouldBe(EmailStatus.SkippedNoRecipient);
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.Done);
        app.Resend.Requests.Skip(before).ShouldNotContain(r => r.Body.Contains(nobody.ToString()));
    }

    [Fact]
    public async Task A_message_delivered_twice_sends_one_email()
    {
        var (user, address) = await NewCoacheeAsync();
        var messageId = Guid.NewGuid();
        var email = new SendEmail(user.Id, null, EmailTemplates.DataExportReady, new Dictionary<string, string>(), "/settings/export");
        for (var i = 0; i < 2; i++)
            await app.InScopeAsync(async sp =>
            {
                sp.GetRequiredService<OutboxExecutionContext>().MessageId = messageId;
                await sp.GetRequiredService<IMediator>().Publish(email);
                return 0;
            });

        app.Resend.RequestsTo("POST", "/emails").Count(r => r.Body.Contains(address)).ShouldBe(1);
        (await app.EmailForAsync(messageId))!.Status.ShouldBe(EmailStatus.Sent);
    }

    [Fact]
    public async Task The_account_deleted_confirmation_goes_to_the_address_given_because_the_account_is_gone()
    {
        var address = $"gone-{Guid.NewGuid():N}@mail.test";
        var messageId = await app.EnqueueAsync(new SendEmail(null, address, EmailTemplates.AccountDeleted, new Dictionary<string, string>(), "/"));
        await app.WaitForOutboxAsync();

        app.Resend.RequestsTo("POST", "/emails").Count(r => r.Body.Contains(address)).ShouldBe(1);
        var email = await app.EmailForAsync(messageId);
        email!.Status.ShouldBe(EmailStatus.Sent);
        email.RecipientUserId.ShouldBeNull();
    }

    [Fact]
    public async Task Admins_see_emails_with_status_and_the_recipients_name_but_never_the_address()
    {
        var (user, address) = await NewCoacheeAsync("Katherine Johnson");
        app.ResendScript[address] = new([(422, """{"statusCode":422,"name":"validation_error","message":"Invalid from address."}""")]);
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.OrderRefunded, new Dictionary<string, string> { ["amount"] = "€10.00" }, "/orders/9"));
        await app.WaitForOutboxAsync();
        var admin = await app.CreateUserAsync(Roles.Admin, "Admin", null, "Europe/Berlin");

        var rows = await admin.Client.GetJsonAsync<List<JsonElement>>("/api/integrations/admin/emails");
        var row = rows.Single(r => r.GetProperty("outboxMessageId").GetGuid() == messageId);
        row.GetProperty("recipient").GetString().ShouldBe("Katherine Johnson");
        row.GetProperty("status").GetString().ShouldBe("DeadLettered");
        row.GetProperty("template").GetString().ShouldBe(EmailTemplates.OrderRefunded);
        row.GetProperty("lastError").GetString()!.ShouldContain("validation_error");

        var page = await admin.Client.GetPageAsync("/admin/emails");
        var line = page.QuerySelectorAll("[data-testid=emails-table] tbody tr").Single(tr => tr.TextContent.Contains("Katherine Johnson"));
        line.TextContent.ShouldContain("dead-lettered");
        line.QuerySelector("time")!.TextContent!.ShouldContain("(Europe/Berlin)");
        page.Body!.InnerHtml.ShouldNotContain(address);
        (await admin.Client.GetStringAsync("/api/integrations/admin/emails")).ShouldNotContain(address);
    }

    [Fact]
    public async Task Only_admins_see_the_emails()
    {
        var (user, _) = await NewCoacheeAsync();
        (await user.Client.GetAsync("/api/integrations/admin/emails")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await user.Client.GetAsync("/admin/emails")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

/// <summary>Without Resend:ApiKey: emails are kept and visible, marked "not sent: no Resend key"; nothing fails or leaves.</summary>
public sealed class EmailWithoutKeyTests(IntegrationsAppWithoutKeys app) : IClassFixture<IntegrationsAppWithoutKeys>
{
    [Fact]
    public async Task Without_a_resend_key_emails_are_kept_and_shown_as_not_sent_on_the_admin_page()
    {
        var user = await app.CreateUserAsync(Roles.Coach, "Margaret Hamilton", $"coach-{Guid.NewGuid():N}@mail.test");
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, EmailTemplates.OrderPaidCoach,
            new Dictionary<string, string> { ["coacheeName"] = "Alan", ["amount"] = "€50.00" }, "/coach/orders"));
        await app.WaitForOutboxAsync();

        (await app.EmailForAsync(messageId))!.Status.ShouldBe(EmailStatus.NotSentNoKey);
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.Done);
        app.Resend.Requests.ShouldBeEmpty();

        var admin = await app.CreateUserAsync(Roles.Admin);
        var page = await admin.Client.GetPageAsync("/admin/emails");
        page.QuerySelector("[data-testid=email-disabled]").ShouldNotBeNull();
        var line = page.QuerySelectorAll("[data-testid=emails-table] tbody tr").Single(tr => tr.TextContent.Contains("Margaret Hamilton"));
        line.QuerySelector(".status")!.TextContent.ShouldBe("not sent: no Resend key");
        line.TextContent.ShouldContain("New order from Alan");
    }

    [Fact]
    public async Task Each_missing_vendor_key_is_announced_once_at_start_up()
    {
        await app.CreateUserAsync(Roles.Coachee);
        Count("Email is disabled: Resend:ApiKey is not set").ShouldBe(1);
        Count("Product analytics is disabled: PostHog:ApiKey is not set").ShouldBe(1);
        Count("Error reporting is disabled: Rollbar:AccessToken is not set").ShouldBe(1);
        int Count(string text) => app.Logs.Lines.Count(l => l.Contains(text) && !l.StartsWith("[scope]"));
    }
}

/// <summary>The text of every template, without an app.</summary>
public sealed class EmailTemplateTests
{
    private static EmailRenderer Renderer => new(Microsoft.Extensions.Options.Options.Create(new AppOptions { BaseUrl = "https://app.test/" }));

    public static TheoryData<string> AllTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var f in typeof(EmailTemplates).GetFields()) data.Add((string)f.GetValue(null)!);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_has_a_subject_an_html_and_a_plain_text_part_and_a_link_to_the_page(string template)
    {
        var email = Renderer.Render(template, new Dictionary<string, string>(), "/orders/7");
        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Subject.ShouldNotContain("{");
        email.Html.ShouldContain("href=\"https://app.test/orders/7\"");
        email.Text.ShouldContain("https://app.test/orders/7");
        email.Text.ShouldNotContain("<");
        email.Html.ShouldNotContain("{");
        email.Text.ShouldNotContain("{");
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_part_and_plain_in_the_text_part()
    {
        var email = Renderer.Render(EmailTemplates.OrderPaidCoach, new Dictionary<string, string> { ["coacheeName"] = "<script>x</script> & {amount}", ["amount"] = "€5" }, "/o");
        email.Html.ShouldContain("&lt;script&gt;x&lt;/script&gt; &amp; {amount}");
        email.Html.ShouldNotContain("<script>");
        email.Text.ShouldContain("<script>x</script> & {amount} paid €5");
    }

    [Fact]
    public void Values_a_template_does_not_use_never_appear_and_addresses_are_withheld()
    {
        var email = Renderer.Render(EmailTemplates.UnreadMessage, new Dictionary<string, string>
        {
            ["senderName"] = "someone@example.com", ["messageText"] = "my secret plan", ["quizAnswer"] = "I fear whiteboards",
        }, "/messages/1");
        var all = email.Subject + email.Html + email.Text;
        all.ShouldNotContain("someone@example.com");
        all.ShouldNotContain("my secret plan");
        all.ShouldNotContain("I fear whiteboards");
    }

    [Theory]
    [InlineData("https://evil.test/phish")]
    [InlineData("//evil.test/phish")]
    [InlineData("javascript:alert(1)")]
    public void A_link_path_that_is_not_app_relative_points_at_the_home_page(string linkPath)
    {
        Renderer.Link(linkPath).ShouldBe("https://app.test/");
    }
}
