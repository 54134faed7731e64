
namespace TechInterviewCoach.Messaging.Tests;

/// <summary>Unread emails and responsiveness, with a fake clock.</summary>
public sealed class BackgroundTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static JsonElement Payload(BuildingBlocks.Outbox.OutboxMessage m) => JsonSerializer.Deserialize<JsonElement>(m.Payload);

    [Fact]
    public async Task An_unread_message_earns_one_email_after_ten_minutes_and_at_most_one_an_hour_without_its_text()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        const string text = "Very private question about my current salary";
        var started = await coachee.StartAsync(coach.Id, text);
        async Task<List<JsonElement>> EmailsToCoach() =>
            (await app.OutboxAsync("SendEmail")).Select(Payload)
                .Where(p => p.GetProperty("toUserId").GetString() == coach.Id.ToString() && p.GetProperty("template").GetString() == EmailTemplates.UnreadMessage).ToList();

        app.Time.Advance(TimeSpan.FromMinutes(9));
        await app.RunBackgroundOnceAsync();
        (await EmailsToCoach()).ShouldBeEmpty("not yet ten minutes");

        app.Time.Advance(TimeSpan.FromMinutes(2));
        await app.RunBackgroundOnceAsync();
        var email = (await EmailsToCoach()).ShouldHaveSingleItem();
        email.GetProperty("linkPath").GetString().ShouldBe($"/messages/{started.ConversationId}");
        email.GetProperty("email").GetProperty("senderName").GetString().ShouldBe("Cora Coachee");
        email.GetRawText().ShouldNotContain("salary");
        (await EmailsToCoach()).Count.ShouldBe(1);

        app.Time.Advance(TimeSpan.FromMinutes(30));
        await app.RunBackgroundOnceAsync();
        (await EmailsToCoach()).Count.ShouldBe(1, "one email for that unread message");

        await coachee.SendAsync(started.ConversationId, "Another one");
        app.Time.Advance(TimeSpan.FromMinutes(11));
        await app.RunBackgroundOnceAsync();
        (await EmailsToCoach()).Count.ShouldBe(1, "at most one an hour per conversation");

        app.Time.Advance(TimeSpan.FromMinutes(30));
        await app.RunBackgroundOnceAsync();
        (await EmailsToCoach()).Count.ShouldBe(2, "an hour after the first, the newer unread message earns a second");

        (await app.OutboxAsync("SendEmail")).ShouldAllBe(m => !m.Payload.Contains("Another one") && !m.Payload.Contains("salary"));
    }

    [Fact]
    public async Task A_message_read_in_time_earns_no_email()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        await coach.MarkReadAsync(started.ConversationId, 1);
        app.Time.Advance(TimeSpan.FromMinutes(20));
        await app.RunBackgroundOnceAsync();
        (await app.OutboxAsync("SendEmail")).Select(Payload)
            .ShouldNotContain(p => p.GetProperty("toUserId").GetString() == coach.Id.ToString());
    }

    [Fact]
    public async Task A_coachs_first_reply_and_overdue_conversations_update_their_responsiveness()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var other = await app.CreateUserAsync(Roles.Coachee, "Second Coachee");
        var answered = await coachee.StartAsync(coach.Id, "Hello");
        await other.StartAsync(coach.Id, "Hello too");
        async Task<List<JsonElement>> Measures() =>
            (await app.OutboxAsync("CoachResponsivenessMeasured")).Select(Payload)
                .Where(p => p.GetProperty("coachId").GetString() == coach.Id.ToString()).ToList();

        app.Time.Advance(TimeSpan.FromMinutes(90));
        await coach.SendAsync(answered.ConversationId, "Happy to help");
        await coach.SendAsync(answered.ConversationId, "A second reply does not count again");
        var first = (await Measures()).ShouldHaveSingleItem();
        first.GetProperty("medianFirstReplyMinutes").GetDouble().ShouldBe(90, 0.01);
        first.GetProperty("answeredConversations").GetInt32().ShouldBe(1);
        first.GetProperty("overdueConversations").GetInt32().ShouldBe(0);

        app.Time.Advance(TimeSpan.FromHours(22));   // 23.5 h after the other conversation started
        await app.RunBackgroundOnceAsync();
        (await Measures()).Count.ShouldBe(1, "the other conversation is not overdue yet");

        app.Time.Advance(TimeSpan.FromHours(1));
        await app.RunBackgroundOnceAsync();
        var overdue = (await Measures()).Last();
        overdue.GetProperty("overdueConversations").GetInt32().ShouldBe(1);
        await app.RunBackgroundOnceAsync();
        (await Measures()).Count.ShouldBe(2, "an overdue conversation is reported once");
    }
}

/// <summary>Sending is limited per person; the limit answers 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Sending_too_fast_is_refused_with_429_and_Retry_After()
    {
        await using var app = new MessagingApp();
        app.Settings["RateLimits:messages:PermitsPerMinute"] = "3";
        await AppFactory.StartAsync(app);
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "1");
        await coachee.SendAsync(started.ConversationId, "2");
        await coachee.SendAsync(started.ConversationId, "3");
        var refused = await coachee.TrySendAsync(started.ConversationId, "4");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await coach.SendAsync(started.ConversationId, "the coach has their own allowance")).Seq.ShouldBe(4);
        (await app.StoredMessagesAsync()).ShouldBe(4);
    }
}

/// <summary>Two hosts on one PostgreSQL: LISTEN/NOTIFY carries live delivery across instances.</summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task A_message_sent_through_one_instance_arrives_on_a_stream_held_on_the_other()
    {
        await using var first = new MessagingApp();
        await AppFactory.StartAsync(first);
        await using var second = new MessagingApp();
        foreach (var (k, v) in first.Settings) second.Settings[k] = v;
        second.StartServer();

        var (coachee, coach) = await Chat.PairAsync(first);
        var started = await coachee.StartAsync(coach.Id, "Hello through the first host");
        // The coach's cookie works on the second host (the key ring is shared in the database).
        var coachOnSecond = second.CreateHttpsClient();
        await coachOnSecond.SignInAsAsync(coach.Id);
        var coachThere = coach with { Client = coachOnSecond };
        await using var stream = await SseReader.OpenAsync(coachOnSecond, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        stream.Status.ShouldBe(HttpStatusCode.OK);
        await stream.NextOfTypeAsync("state");

        var received = new List<long>();
        for (var i = 2; i <= 6; i++)
        {
            await coachee.SendAsync(started.ConversationId, $"message {i} through the first host");
            var m = await stream.NextMessageAsync();
            m.Text.ShouldBe($"message {i} through the first host");
            received.Add(m.Seq);
        }
        received.ShouldBe([2, 3, 4, 5, 6], "each exactly once, in order");

        // A burst from both sides at once, announced across instances: still once each, in order.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? coachee : coach).SendAsync(started.ConversationId, $"burst {i}")));
        var burst = new List<long>();
        for (var i = 0; i < 10; i++) burst.Add((await stream.NextMessageAsync()).Seq);
        burst.ShouldBe(Enumerable.Range(7, 10).Select(i => (long)i));

        // And back: the coach answers on the second host, the coachee's stream on the first gets it.
        await using var coacheeStream = await SseReader.OpenAsync(coachee.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=16");
        await coacheeStream.NextOfTypeAsync("state");
        await coachThere.SendAsync(started.ConversationId, "answer through the second host");
        (await coacheeStream.NextMessageAsync()).Text.ShouldBe("answer through the second host");
    }
}
