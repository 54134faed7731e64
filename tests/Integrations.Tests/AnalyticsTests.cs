namespace TechInterviewCoach.Integrations.Tests;

/// <summary>Server-side product analytics through a PostHog stand-in over real HTTP.</summary>
public sealed class AnalyticsTests(IntegrationsApp app) : IClassFixture<IntegrationsApp>
{
    private static IEnumerable<JsonElement> EventsOf(StandIn posthog, Guid userId) =>
        posthog.RequestsTo("POST", "/batch/").SelectMany(r =>
        {
            using var doc = JsonDocument.Parse(r.Body);
            return doc.RootElement.GetProperty("batch").EnumerateArray().Select(e => e.Clone()).ToList();
        }).Where(e => e.GetProperty("distinct_id").GetString() == userId.ToString());

    [Fact]
    public async Task Events_arrive_in_batches_with_the_api_key_an_opaque_id_and_only_allow_listed_properties()
    {
        var email = $"analytics-{Guid.NewGuid():N}@mail.test";
        var user = await app.CreateUserAsync(Roles.Coachee, "Hedy Lamarr", email);
        await app.EnqueueAsync(new TrackEvent(user.Id, AnalyticsEvents.CheckoutStarted, new Dictionary<string, string>
        {
            ["kind"] = "package", ["currency"] = "EUR", ["amount"] = "12000", ["interviewType"] = "system_design",
            ["note"] = "free text from the person", ["email"] = email, ["plan"] = "has spaces so it is free text",
        }));
        await app.EnqueueAsync(new TrackEvent(user.Id, AnalyticsEvents.QuizCompleted, new Dictionary<string, string> { ["interview_type"] = "coding", ["answer"] = "I love graphs" }));
        await app.EnqueueAsync(new TrackEvent(user.Id, "made_up_event", new Dictionary<string, string> { ["kind"] = "x" }));
        await app.WaitForOutboxAsync();

        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(user.Id.ToString()) && r.Body.Contains(AnalyticsEvents.QuizCompleted), "the quiz event");
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(user.Id.ToString()) && r.Body.Contains(AnalyticsEvents.CheckoutStarted), "the checkout event");

        foreach (var request in app.PostHog.RequestsTo("POST", "/batch/"))
        {
            using var body = JsonDocument.Parse(request.Body);
            body.RootElement.GetProperty("api_key").GetString().ShouldBe(IntegrationsApp.PostHogKey);
            body.RootElement.GetProperty("batch").GetArrayLength().ShouldBeGreaterThan(0);
        }
        var events = EventsOf(app.PostHog, user.Id).ToList();
        events.Select(e => e.GetProperty("event").GetString()).ShouldBe([AnalyticsEvents.CheckoutStarted, AnalyticsEvents.QuizCompleted], ignoreOrder: true);
        foreach (var e in events)
        {
            var allowed = AnalyticsAllowList.AllowedFor(e.GetProperty("event").GetString()!);
            e.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldAllBe(name => allowed.Contains(name));
            DateTime.TryParse(e.GetProperty("timestamp").GetString(), out _).ShouldBeTrue();
        }
        var checkout = events.Single(e => e.GetProperty("event").GetString() == AnalyticsEvents.CheckoutStarted).GetProperty("properties");
        checkout.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()).ShouldBe(new Dictionary<string, string?>
        {
            ["kind"] = "package", ["currency"] = "eur", ["amount_bucket"] = "100-250", ["interview_type"] = "system_design",
        }, ignoreOrder: true);
        var traffic = app.PostHog.AllTraffic;
        traffic.ShouldNotContain(email);
        traffic.ShouldNotContain("Hedy");
        traffic.ShouldNotContain("free text");
        traffic.ShouldNotContain("I love graphs");
        traffic.ShouldNotContain("made_up_event");
    }

    [Fact]
    public async Task An_opted_out_persons_events_never_arrive()
    {
        var optedOut = await app.CreateUserAsync(Roles.Coachee, "Private Person");
        var other = await app.CreateUserAsync(Roles.Coachee, "Other Person");
        await IntegrationsApp.OptOutOfAnalyticsAsync(optedOut.Client);

        await app.EnqueueAsync(new TrackEvent(optedOut.Id, AnalyticsEvents.MatchesViewed, new Dictionary<string, string> { ["count"] = "5" }));
        await app.EnqueueAsync(new TrackEvent(optedOut.Id, AnalyticsEvents.ConversationStarted, new Dictionary<string, string>()));
        await app.EnqueueAsync(new TrackEvent(other.Id, AnalyticsEvents.MatchesViewed, new Dictionary<string, string> { ["count"] = "5" }));
        await app.WaitForOutboxAsync();
        // The other person's event, queued after the opted-out person's, has been sent: everything before it was handled.
        await IntegrationsApp.WaitForAsync(app.PostHog, r => r.Body.Contains(other.Id.ToString()), "the other person's event");

        app.PostHog.AllTraffic.ShouldNotContain(optedOut.Id.ToString());
    }

    [Fact]
    public async Task A_posthog_outage_drops_analytics_after_bounded_retries_without_failing_anything_or_logging_personal_data()
    {
        var user = await app.CreateUserAsync(Roles.Coach, "Outage Person");
        app.PostHogFailure = 503;
        try
        {
            var before = app.PostHog.Requests.Count;
            var id = await app.EnqueueAsync(new TrackEvent(user.Id, AnalyticsEvents.CoachListed, new Dictionary<string, string> { ["kind"] = "single" }));
            await app.WaitForOutboxAsync();
            (await app.OutboxMessageAsync(id)).Status.ShouldBe(OutboxStatus.Done);

            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!app.Logs.AllText.Contains("dropped after retries") && DateTime.UtcNow < deadline) await Task.Delay(25);
            var line = app.Logs.Lines.Single(l => l.Contains("dropped after retries"));
            line.ShouldContain("PostHog answered 503");
            line.ShouldNotContain(user.Id.ToString());
            // One attempt and three retries (PostHog:MaxRetries), then it stops.
            app.PostHog.Requests.Skip(before).Count(r => r.Body.Contains(user.Id.ToString())).ShouldBe(4);
        }
        finally
        {
            app.PostHogFailure = null;
        }
    }
}

public sealed class AnalyticsAllowListTests
{
    [Theory]
    [InlineData("4999", "0-50")]
    [InlineData("5000", "50-100")]
    [InlineData("24999", "100-250")]
    [InlineData("30000", "250-500")]
    [InlineData("90000", "500+")]
    public void Amounts_leave_only_as_a_coarse_bucket(string minor, string bucket) =>
        AnalyticsAllowList.Filter(AnalyticsEvents.OrderPaid, new Dictionary<string, string> { ["amount"] = minor })
            .ShouldBe(new Dictionary<string, string> { ["amount_bucket"] = bucket });

    [Theory]
    [InlineData("JPY", "4999", "500+")]
    [InlineData("JPY", "30000", "500+")]
    [InlineData("JPY", "60", "50-100")]
    [InlineData("EUR", "30000", "250-500")]
    [InlineData("jpy", "200", "100-250")]
    public void An_amount_is_bucketed_in_major_units_of_its_own_currency(string currency, string minor, string bucket) =>
        AnalyticsAllowList.Filter(AnalyticsEvents.OrderPaid, new Dictionary<string, string> { ["amount"] = minor, ["currency"] = currency })
            .ShouldBe(new Dictionary<string, string> { ["amount_bucket"] = bucket, ["currency"] = currency.ToLowerInvariant() }, ignoreOrder: true);

    [Fact]
    public void Properties_not_on_the_events_list_and_free_text_values_are_dropped() =>
        AnalyticsAllowList.Filter(AnalyticsEvents.ConversationStarted, new Dictionary<string, string>
        {
            ["source"] = "matches", ["currency"] = "eur", ["interview_type"] = "a b c", ["user_email"] = "x@y.test",
        }).ShouldBe(new Dictionary<string, string> { ["source"] = "matches" });
}
