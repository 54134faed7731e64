namespace TechInterviewCoach.Integrations.Tests;

/// <summary>Transactional email through a Resend stand-in over real HTTP, sent from the outbox.</summary>
public sealed class EmailTests(IntegrationsApp app) : IClassFixture<IntegrationsApp>
{
    private static readonly Guid OrderId = Guid.Parse("0193a5b0-0000-7000-8000-000000000042");
    private static readonly OrderPaidCoacheeEmail OrderPaid = new(OrderId, "System design mock", "Grace Hopper", new Money(12000, "EUR"));

    private async Task<(TestUser User, string Address)> NewCoacheeAsync(string name = "Ada Lovelace")
    {
        var address = $"coachee-{Guid.NewGuid():N}@mail.test";
        return (await app.CreateUserAsync(Roles.Coachee, name, address), address);
    }

    [Fact]
    public async Task A_sent_email_has_the_fields_resends_openapi_document_requires_with_the_right_types()
    {
        var (user, address) = await NewCoacheeAsync();
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, OrderPaid, "/orders/ord_42"));
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
        fields["text"].GetString()!.ShouldContain("You paid EUR 120.00 for System design mock with Grace Hopper.");

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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, new WelcomeEmail(Roles.Coachee), "/"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, new PayoutPaidEmail(new Money(9000, "EUR"), null), "/coach/payouts"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, new PayoutFailedEmail(new Money(9000, "EUR")), "/coach/payouts"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, new SessionBookedEmail(OrderId, "Mock", "Grace Hopper", [new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc)], 60, "UTC"), "/orders/1"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(nobody, null, new UnreadMessageEmail("Grace Hopper"), "/messages"));
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
        var email = new SendEmail(user.Id, null, new DataExportReadyEmail(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc), "UTC"), "/settings/export");
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
        var messageId = await app.EnqueueAsync(new SendEmail(null, address, new AccountDeletedEmail(), "/"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null, new OrderRefundedEmail(OrderId, "Mock", new Money(1000, "EUR"), new Money(4000, "EUR"), new Money(5000, "EUR")), "/orders/9"));
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
        var messageId = await app.EnqueueAsync(new SendEmail(user.Id, null,
            new OrderPaidCoachEmail(Guid.NewGuid(), "Mock", "Alan", new Money(5000, "EUR"), new Money(4250, "EUR")), "/coach/orders"));
        await app.WaitForOutboxAsync();

        (await app.EmailForAsync(messageId))!.Status.ShouldBe(EmailStatus.NotSentNoKey);
        (await app.OutboxMessageAsync(messageId)).Status.ShouldBe(OutboxStatus.Done);
        app.Resend.Requests.ShouldBeEmpty();

        var admin = await app.CreateUserAsync(Roles.Admin);
        var page = await admin.Client.GetPageAsync("/admin/emails");
        page.QuerySelector("[data-testid=email-disabled]").ShouldNotBeNull();
        var line = page.QuerySelectorAll("[data-testid=emails-table] tbody tr").Single(tr => tr.TextContent.Contains("Margaret Hamilton"));
        line.QuerySelector(".status")!.TextContent.ShouldBe("not sent: no Resend key");
        line.TextContent.ShouldContain("New paid order: Mock");
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
    private const string Zone = "America/New_York";

    public static TheoryData<string> AllTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var f in typeof(EmailTemplates).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(f => f.IsLiteral))
            data.Add((string)f.GetValue(null)!);
        return data;
    }

    /// <summary>A model of the template with a distinct sample value in every field, and how each value must read in the email.</summary>
    private static (EmailModel Model, List<(string Field, string Printed)> Expected) Sample(string template, string? emptyField = null)
    {
        var type = EmailTemplates.Models[template];
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var expected = new List<(string, string)>();
        var n = 0;
        var args = ctor.GetParameters().Select(p =>
        {
            n++;
            var empty = p.Name == emptyField;
            object? value = p.ParameterType switch
            {
                var t when t == typeof(string) && p.Name == "Role" => Roles.Coach,
                var t when t == typeof(string) && p.Name == "TimeZone" => Zone,
                var t when t == typeof(string) => empty ? "" : $"Sample{p.Name}",
                var t when t == typeof(Guid) => empty ? Guid.Empty : new Guid($"0193a5b0-0000-7000-8000-0000000000{n:00}"),
                var t when t == typeof(Money) => empty ? new Money(100, "") : new Money(100_000 + n * 1111, "EUR"),
                var t when t == typeof(DateTime) => empty ? default : new DateTime(2026, 12, 7, 14 + n % 5, 30, 0, DateTimeKind.Utc),
                var t when t == typeof(DateOnly?) => new DateOnly(2026, 12, 9),
                var t when t == typeof(int) => empty ? 0 : 45,
                var t when t == typeof(bool) => true,
                var t when t == typeof(SessionInvite) => new SessionInvite(empty ? Guid.Empty : new Guid($"0193a5b0-0000-7000-8000-0000000000{n:00}"), 2, "SampleInviteTitle",
                    new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc), 50, "https://meet.example.test/tic-sample"),
                var t when t == typeof(IReadOnlyList<DateTime>) => empty ? new List<DateTime>() : new List<DateTime> { new(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc), new(2026, 12, 14, 15, 0, 0, DateTimeKind.Utc) },
                var t => throw new InvalidOperationException($"The sample has no value for {t.Name} ({type.Name}.{p.Name}); add one"),
            };
            expected.Add((p.Name!, value switch
            {
                string s when p.Name == "Role" => "coach account",
                string s when p.Name == "TimeZone" => $"({Zone})",
                string s => s,
                Guid g => g.ToString(),
                Money m => m.ToString(),
                DateTime d => EmailRenderer.When(d, Zone),
                DateOnly d => d.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                int i => i.ToString(),
                List<DateTime> l => string.Join("|", l.Select(d => EmailRenderer.When(d, Zone))),
                SessionInvite i => $"SampleInviteTitle|{EmailRenderer.When(i.StartsUtc, Zone)}",
                _ => "",
            }));
            return value;
        }).ToArray();
        return ((EmailModel)ctor.Invoke(args), expected);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_prints_every_field_of_its_model_and_leaves_no_placeholder_or_gap(string template)
    {
        var (model, expected) = Sample(template);
        var email = Renderer.Render(model, "/orders/7");

        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Html.ShouldContain("href=\"https://app.test/orders/7\"");
        email.Text.ShouldContain("https://app.test/orders/7");
        email.Text.ShouldNotContain("<");
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            part.ShouldNotContain("{");
            part.ShouldNotContain("}");
            part.ShouldNotContain("  ");
            part.ShouldNotContain(" .");
            part.ShouldNotContain("()");
        }
        foreach (var (field, printed) in expected)
            foreach (var piece in printed.Split('|'))
                email.Text.ShouldContain(piece, Case.Sensitive, $"{template}: the field {field} is not in the email");
        // The admin email log keeps subjects after an account is deleted: no subject names a person.
        foreach (var (field, printed) in expected.Where(e => e.Field.EndsWith("Name", StringComparison.Ordinal)))
            email.Subject.ShouldNotContain(printed, Case.Sensitive, $"{template}: the subject names a person ({field})");
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void A_model_with_an_empty_field_is_refused_naming_the_field(string template)
    {
        var fields = EmailTemplates.Models[template].GetConstructors().First().GetParameters()
            .Where(p => p.ParameterType != typeof(DateOnly?) && p.ParameterType != typeof(bool) && p.Name is not ("Role" or "TimeZone")).Select(p => p.Name!).ToList();
        foreach (var field in fields)
        {
            var (model, _) = Sample(template, emptyField: field);
            Should.Throw<PermanentFailureException>(() => Renderer.Render(model, "/")).Message.ShouldContain(field);
        }
    }

    [Fact]
    public void A_booking_email_gives_each_sessions_date_and_time_in_the_recipients_zone_and_names_utc_when_they_have_none()
    {
        DateTime[] sessions = [new(2026, 12, 7, 17, 0, 0, DateTimeKind.Utc), new(2026, 12, 14, 17, 0, 0, DateTimeKind.Utc)];
        var coachee = Renderer.Render(new SessionBookedEmail(Guid.NewGuid(), "Mock interviews x2", "Grace Hopper", sessions, 60, "America/New_York"), "/orders/1");
        coachee.Text.ShouldContain("Session 1: Mon 7 Dec 2026, 12:00 (America/New_York)");
        coachee.Text.ShouldContain("Session 2: Mon 14 Dec 2026, 12:00 (America/New_York)");
        coachee.Subject.ShouldBe("2 sessions booked, the first on Mon 7 Dec 2026, 12:00 (America/New_York)");

        var coach = Renderer.Render(new SessionBookedEmail(Guid.NewGuid(), "Mock", "Ada", sessions[..1], 60, "Asia/Tokyo"), "/coach/orders");
        coach.Subject.ShouldBe("Session booked: Tue 8 Dec 2026, 02:00 (Asia/Tokyo)");

        var noZone = Renderer.Render(new SessionBookedEmail(Guid.NewGuid(), "Mock", "Ada", sessions[..1], 60, "UTC"), "/orders/1");
        noZone.Text.ShouldContain("Mon 7 Dec 2026, 17:00 (UTC)");
    }

    [Fact]
    public void A_partial_refund_email_states_the_amount_refunded_and_what_remains_charged()
    {
        var email = Renderer.Render(new OrderRefundedEmail(Guid.NewGuid(), "Mock interview", new Money(2000, "EUR"), new Money(23500, "EUR"), new Money(25500, "EUR")), "/orders/1");
        email.Subject.ShouldBe("Refund of EUR 20.00 for Mock interview");
        email.Text.ShouldContain("EUR 20.00 of the EUR 255.00 paid for Mock interview has been refunded.");
        email.Text.ShouldContain("EUR 235.00 remains charged for this order.");
    }

    [Fact]
    public void An_email_model_survives_the_outbox_as_json_with_its_template_name()
    {
        var sent = new SendEmail(Guid.NewGuid(), null, new OrderRefundedEmail(Guid.NewGuid(), "Mock", new Money(2000, "EUR"), new Money(23500, "EUR"), new Money(25500, "EUR")), "/orders/1");
        var stored = OutboxMessage.Create(sent, DateTime.UtcNow, "orders");
        stored.Payload.ShouldContain("\"template\":\"order_refunded\"");
        var back = (SendEmail)stored.Deserialize();
        back.ShouldBe(sent with { });
        back.Email.ShouldBe(sent.Email);
        back.Template.ShouldBe(EmailTemplates.OrderRefunded);
    }

    [Fact]
    public void An_email_queued_by_the_previous_version_as_a_template_name_and_values_is_refused_not_sent_with_gaps()
    {
        var old = new OutboxMessage
        {
            Type = typeof(SendEmail).FullName!,
            Payload = """{"toUserId":"0193a5b0-0000-7000-8000-000000000001","toAddress":null,"template":"order_refunded","values":{"order_id":"x","amount":"EUR 255.00"},"linkPath":"/orders/x"}""",
        };
        var email = (SendEmail)old.Deserialize();
        email.Email.ShouldBeNull();
        Should.Throw<PermanentFailureException>(() => Renderer.Render(email.Email, email.LinkPath)).Message.ShouldContain("older version");
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_part_and_plain_in_the_text_part()
    {
        var email = Renderer.Render(new OrderPaidCoachEmail(Guid.NewGuid(), "Mock", "<script>x</script> & {amount}", new Money(500, "EUR"), new Money(425, "EUR")), "/o");
        email.Html.ShouldContain("&lt;script&gt;x&lt;/script&gt; &amp; {amount}");
        email.Html.ShouldNotContain("<script>");
        email.Text.ShouldContain("<script>x</script> & {amount} paid EUR 5.00");
    }

    [Fact]
    public void A_name_that_is_an_address_is_withheld()
    {
        var email = Renderer.Render(new UnreadMessageEmail("someone@example.com"), "/messages/1");
        (email.Subject + email.Html + email.Text).ShouldNotContain("someone@example.com");
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
