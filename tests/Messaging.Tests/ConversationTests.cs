using MediatR;
using TechInterviewCoach.Identity.Contracts;
using TechInterviewCoach.Messaging.Contracts;
using TechInterviewCoach.Messaging.Infrastructure;

namespace TechInterviewCoach.Messaging.Tests;

/// <summary>Conversations and messages through HTTP on PostgreSQL.</summary>
public sealed class ConversationTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_coachee_starts_a_conversation_and_the_coach_sees_it_with_the_first_message()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "  Hello Kai, can you help with system design?  ");

        started.Created.ShouldBeTrue();
        started.Message.Text.ShouldBe("Hello Kai, can you help with system design?", "text is trimmed");
        var coachList = await coach.ConversationsAsync();
        var conv = coachList.ShouldHaveSingleItem();
        conv.Id.ShouldBe(started.ConversationId);
        conv.OtherPartyName.ShouldBe("Cora Coachee");
        conv.Unread.ShouldBe(1);
        var messages = await coach.MessagesAsync(started.ConversationId);
        messages.ShouldHaveSingleItem().Text.ShouldBe("Hello Kai, can you help with system design?");
        messages[0].SenderName.ShouldBe("Cora Coachee");

        (await app.OutboxAsync("TrackEvent")).ShouldContain(m => m.Payload.Contains(AnalyticsEvents.ConversationStarted) && m.Payload.Contains(coachee.Id.ToString()));
    }

    [Fact]
    public async Task Starting_again_with_the_same_coach_continues_the_one_conversation()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var first = await coachee.StartAsync(coach.Id, "First");
        var again = await (await coachee.TryStartAsync(coach.Id, "Second")).ReadJsonAsync<Started>(HttpStatusCode.OK);

        again.Created.ShouldBeFalse();
        again.ConversationId.ShouldBe(first.ConversationId);
        (await coachee.ConversationsAsync()).Count.ShouldBe(1);
        (await coachee.MessagesAsync(first.ConversationId)).Select(m => m.Text).ShouldBe(["First", "Second"]);
    }

    [Fact]
    public async Task Only_an_existing_coach_can_be_written_to_and_only_by_a_coachee()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var otherCoachee = await app.CreateUserAsync(Roles.Coachee, "Other Coachee");
        await (await coachee.TryStartAsync(otherCoachee.Id, "Hi")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "coach_not_found");
        await (await coachee.TryStartAsync(Guid.NewGuid(), "Hi")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "coach_not_found");
        (await coach.TryStartAsync(coach.Id, "Hi")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    \n\t  ")]
    [InlineData("\u0001\u0002\u0007")]
    [InlineData("\u200B\u200B")]
    [InlineData(null)]
    public async Task Empty_or_control_only_messages_are_refused_and_nothing_is_stored(string? text)
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        var before = await app.StoredMessagesAsync();

        // Control characters other than tab and line breaks are refused at the edge for every text input (validation_failed).
        var code = text is not null && text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)) ? "validation_failed" : "message_invalid";
        var problem = await (await coach.TrySendAsync(started.ConversationId, text)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors().ShouldContainKey("text");
        await (await coachee.TryStartAsync(coach.Id, text)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);

        (await app.StoredMessagesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_message_over_4000_characters_is_refused_and_one_of_exactly_4000_is_kept()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        var before = await app.StoredMessagesAsync();
        await (await coach.TrySendAsync(started.ConversationId, new string('a', 4001))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "message_invalid");
        (await app.StoredMessagesAsync()).ShouldBe(before);

        var ok = await coach.SendAsync(started.ConversationId, "  " + new string('b', 4000) + "  ");
        ok.Text.Length.ShouldBe(4000);
    }

    [Fact]
    public async Task A_person_outside_the_conversation_gets_404_for_it_its_messages_and_its_stream()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Private hello");
        var stranger = await app.CreateUserAsync(Roles.Coach, "Stranger");
        var id = started.ConversationId;

        await (await stranger.Client.GetAsync($"/api/messaging/conversations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await stranger.Client.GetAsync($"/api/messaging/conversations/{id}/messages")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await stranger.TrySendAsync(id, "let me in")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await stranger.Client.PostAsJsonAsync($"/api/messaging/conversations/{id}/read", new { seq = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await stranger.Client.GetAsync($"/api/messaging/conversations/{id}/stream")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await stranger.Client.PostAsJsonAsync($"/api/messaging/messages/{started.Message.Id}/report", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "message_not_found");
        (await stranger.Client.GetAsync($"/messages/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.ConversationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unread_counts_follow_what_the_reader_has_read_and_the_sender_sees_read()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "One");
        var second = await coachee.SendAsync(started.ConversationId, "Two");

        (await coach.UnreadAsync()).ShouldBe(2);
        (await coachee.UnreadAsync()).ShouldBe(0, "your own messages are not unread");
        var nav = await coach.Client.GetPageAsync("/messages");
        nav.QuerySelector("[data-testid=unread-badge]")!.TextContent.Trim().ShouldBe("2");
        nav.QuerySelector("[data-testid=conversation-unread]")!.TextContent.Trim().ShouldBe("2");
        (await coachee.MessagesAsync(started.ConversationId)).ShouldAllBe(m => !m.Read);

        await coach.MarkReadAsync(started.ConversationId, started.Message.Seq);
        (await coach.UnreadAsync()).ShouldBe(1);
        var mine = await coachee.MessagesAsync(started.ConversationId);
        mine.Single(m => m.Seq == 1).Read.ShouldBeTrue();
        mine.Single(m => m.Seq == second.Seq).Read.ShouldBeFalse();

        await coach.MarkReadAsync(started.ConversationId, 999);
        (await coach.UnreadAsync()).ShouldBe(0);
        (await coachee.MessagesAsync(started.ConversationId)).ShouldAllBe(m => m.Read);
        var page = await coach.Client.GetPageAsync("/messages");
        page.QuerySelector("[data-testid=unread-badge]").ShouldBeNull("no badge at zero");
        var coacheeChat = await coachee.Client.GetPageAsync($"/messages/{started.ConversationId}");
        coacheeChat.QuerySelectorAll("[data-testid=read-receipt]").ShouldAllBe(r => !r.ClassList.Contains("hidden"));
    }

    [Fact]
    public async Task Opening_the_chat_page_marks_it_read()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello there");
        (await coach.UnreadAsync()).ShouldBe(1);
        var page = await coach.Client.GetPageAsync($"/messages/{started.ConversationId}");
        page.QuerySelector("[data-testid=message-text]")!.TextContent.ShouldBe("Hello there");
        page.QuerySelector(".ph-no-capture[data-sensitive=true] #messages").ShouldNotBeNull("the chat is masked from session recording");
        page.QuerySelector("[data-testid=coachee-data-link]")!.GetAttribute("href").ShouldBe($"/coach/coachees/{coachee.Id}");
        (await coach.UnreadAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_arrives_live_on_the_other_partys_stream_with_read_receipts()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        await using var coachStream = await SseReader.OpenAsync(coach.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        coachStream.Status.ShouldBe(HttpStatusCode.OK);
        await using var coacheeStream = await SseReader.OpenAsync(coachee.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        (await coacheeStream.NextOfTypeAsync("read")).Data.ShouldContain("\"seq\":0");

        await coachee.SendAsync(started.ConversationId, "Are you there?");
        var received = await coachStream.NextMessageAsync();
        received.Text.ShouldBe("Are you there?");
        received.Seq.ShouldBe(2);
        received.Mine.ShouldBeFalse();

        await coach.MarkReadAsync(started.ConversationId, 2);
        (await coacheeStream.NextOfTypeAsync("read")).Data.ShouldContain("\"seq\":2");
    }

    [Fact]
    public async Task The_person_wide_stream_carries_the_live_unread_count()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        await using var stream = await SseReader.OpenAsync(coach.Client, "/api/messaging/stream");
        (await stream.NextOfTypeAsync("unread")).Data.ShouldContain("\"count\":0");
        var started = await coachee.StartAsync(coach.Id, "Hello");
        (await stream.NextOfTypeAsync("unread")).Data.ShouldContain("\"count\":1");
        await coachee.SendAsync(started.ConversationId, "Again");
        (await stream.NextOfTypeAsync("unread")).Data.ShouldContain("\"count\":2");
        await coach.MarkReadAsync(started.ConversationId, 2);
        (await stream.NextOfTypeAsync("unread")).Data.ShouldContain("\"count\":0");
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_neither_loses_nor_repeats_a_message()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "m1");
        var id = started.ConversationId;
        var seen = new List<long>();

        await using (var first = await SseReader.OpenAsync(coach.Client, $"/api/messaging/conversations/{id}/stream"))
        {
            seen.Add((await first.NextMessageAsync()).Seq);
            await coachee.SendAsync(id, "m2");
            seen.Add((await first.NextMessageAsync()).Seq);
        }
        // While disconnected, both sides keep writing.
        await coachee.SendAsync(id, "m3");
        await coach.SendAsync(id, "m4");
        await coachee.SendAsync(id, "m5");

        await using var second = await SseReader.OpenAsync(coach.Client, $"/api/messaging/conversations/{id}/stream?after=0", lastEventId: seen[^1].ToString());
        for (var i = 0; i < 3; i++) seen.Add((await second.NextMessageAsync()).Seq);
        await coachee.SendAsync(id, "m6");
        var sixth = await second.NextMessageAsync();
        seen.Add(sixth.Seq);
        sixth.Text.ShouldBe("m6");

        seen.ShouldBe([1, 2, 3, 4, 5, 6], "every message once, in order (Last-Event-ID wins over ?after=)");
    }

    [Fact]
    public async Task Concurrent_senders_get_distinct_gapless_sequence_numbers()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "start");
        var sends = Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? coachee : coach).SendAsync(started.ConversationId, $"c{i}"));
        var results = await Task.WhenAll(sends);
        results.Select(r => r.Seq).OrderBy(s => s).ShouldBe(Enumerable.Range(2, 10).Select(i => (long)i));
        (await coach.MessagesAsync(started.ConversationId)).Select(m => m.Seq).ShouldBe(Enumerable.Range(1, 11).Select(i => (long)i));
    }

    [Fact]
    public async Task An_open_stream_gets_every_message_of_a_burst_once_and_in_order()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "start");
        await using var stream = await SseReader.OpenAsync(coach.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        await stream.NextOfTypeAsync("state");

        // Concurrent sends commit in one order and may announce themselves in another: the stream must still send
        // 2, 3, 4, … once each, reading from the database when one arrives ahead of its predecessor.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? coachee : coach).SendAsync(started.ConversationId, $"burst {i}")));
        var received = new List<long>();
        for (var i = 0; i < 20; i++) received.Add((await stream.NextMessageAsync()).Seq);
        received.ShouldBe(Enumerable.Range(2, 20).Select(i => (long)i));
    }

    [Fact]
    public async Task A_message_whose_live_event_never_arrived_reaches_the_open_stream_at_the_next_catch_up_round_once()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "start");
        var id = started.ConversationId;
        await using var stream = await SseReader.OpenAsync(coach.Client, $"/api/messaging/conversations/{id}/stream?after=1");
        await stream.NextOfTypeAsync("state");

        // Committed, but its event lost (another instance's NOTIFY dropped, or that instance gone before sending it).
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MessagingDbContext>();
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
            conversation.LastSeq = 2;
            conversation.CoacheeReadSeq = 2;
            db.Messages.Add(new Message { Id = Guid.CreateVersion7(), ConversationId = id, Seq = 2, SenderId = coachee.Id, Text = "never announced", SentAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        (await app.Services.GetRequiredService<ChatCatchUp>().RunOnceAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        var caughtUp = await stream.NextMessageAsync();
        (caughtUp.Seq, caughtUp.Text).ShouldBe((2L, "never announced"));
        await coachee.SendAsync(id, "announced");
        var next = await stream.NextMessageAsync();
        (next.Seq, next.Text).ShouldBe((3L, "announced"), "the caught-up message is not sent again");
    }

    [Fact]
    public async Task A_closed_conversation_keeps_its_history_but_takes_no_new_messages()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        await coach.SendAsync(started.ConversationId, "Hi!");
        await (await coach.Client.PostAsync($"/api/messaging/conversations/{started.ConversationId}/close", null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "only_coachee_can_close");

        (await coachee.Client.PostAsync($"/api/messaging/conversations/{started.ConversationId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await coach.TrySendAsync(started.ConversationId, "Still there?")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conversation_closed");
        await (await coachee.TrySendAsync(started.ConversationId, "Bye")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conversation_closed");
        (await coach.MessagesAsync(started.ConversationId)).Count.ShouldBe(2);
        (await coachee.MessagesAsync(started.ConversationId)).Count.ShouldBe(2);
        (await coach.ConversationsAsync()).Single().Closed.ShouldBeTrue();
        (await app.OutboxAsync("ConversationClosed")).ShouldContain(m => m.Payload.Contains(started.ConversationId.ToString()));
        var coachPage = await coach.Client.GetPageAsync($"/messages/{started.ConversationId}");
        coachPage.QuerySelector("[data-testid=coachee-data-link]").ShouldBeNull("no link to the coachee's data after close");
    }

    [Fact]
    public async Task Blocking_stops_new_messages_from_either_side_with_a_clear_403()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        await using var stream = await SseReader.OpenAsync(coachee.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        (await stream.NextOfTypeAsync("state")).Data.ShouldContain("\"blocked\":false");

        (await coach.Client.PostAsync($"/api/messaging/conversations/{started.ConversationId}/block", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var problem = await (await coachee.TrySendAsync(started.ConversationId, "Why?")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "conversation_blocked");
        problem.GetProperty("title").GetString()!.ShouldContain("blocked");
        await (await coach.TrySendAsync(started.ConversationId, "x")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "conversation_blocked");
        await (await coachee.TryStartAsync(coach.Id, "again")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "conversation_blocked");
        (await stream.NextOfTypeAsync("state")).Data.ShouldContain("\"blocked\":true");
    }

    [Fact]
    public async Task A_suspended_person_cannot_send()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        await app.InScopeAsync(async sp => { await sp.GetRequiredService<IMediator>().Publish(new UserSuspensionChanged(coach.Id, true, DateTime.UtcNow)); return 0; });

        var problem = await (await coach.TrySendAsync(started.ConversationId, "hi")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sender_suspended");
        problem.GetProperty("title").GetString()!.ShouldContain("suspended");

        await app.InScopeAsync(async sp => { await sp.GetRequiredService<IMediator>().Publish(new UserSuspensionChanged(coach.Id, false, DateTime.UtcNow)); return 0; });
        await coach.SendAsync(started.ConversationId, "back again");
    }

    [Fact]
    public async Task A_reported_message_reaches_the_admins_and_only_them()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello");
        var rude = await coach.SendAsync(started.ConversationId, "Something rude");

        await (await coachee.Client.PostAsJsonAsync($"/api/messaging/messages/{started.Message.Id}/report", new { reason = "mine" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cannot_report_own_message");
        await (await coachee.Client.PostAsJsonAsync($"/api/messaging/messages/{rude.Id}/report", new { reason = "  " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await coachee.Client.PostAsJsonAsync($"/api/messaging/messages/{rude.Id}/report", new { reason = "Insulting" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await coachee.Client.PostAsJsonAsync($"/api/messaging/messages/{rude.Id}/report", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_reported");

        (await coachee.Client.GetAsync("/api/messaging/reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await app.CreateUserAsync(Roles.Admin, "Ada Admin");
        var reports = await admin.Client.GetJsonAsync<List<JsonElement>>("/api/messaging/reports");
        var report = reports.Single(r => r.GetProperty("messageId").GetGuid() == rude.Id);
        report.GetProperty("reason").GetString().ShouldBe("Insulting");
        report.GetProperty("senderName").GetString().ShouldBe("Kai Coach");
        var page = await admin.Client.GetPageAsync("/admin/reports");
        page.QuerySelectorAll("[data-testid=report-row]").ShouldContain(r => r.TextContent.Contains("Insulting") && r.TextContent.Contains("Something rude"));
    }

    [Fact]
    public async Task Script_tags_event_handlers_and_javascript_links_in_a_message_are_shown_as_inert_text()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        const string evil = "<script>alert('x')</script><img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">click</a> javascript:alert(3)";
        var started = await coachee.StartAsync(coach.Id, evil);

        var response = await coach.Client.GetAsync($"/messages/{started.ConversationId}");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;");
        var page = await TestKit.Pages.ParseAsync(html);
        var text = page.QuerySelector("[data-testid=message-text]")!;
        text.TextContent.ShouldBe(evil, "shown exactly as typed, as text");
        text.Children.ShouldBeEmpty("no element was made from the message");
        page.QuerySelectorAll("#messages script, #messages img, #messages a[href^='javascript']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_export_holds_the_persons_conversations_with_sent_and_received_messages()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "From me");
        await coach.SendAsync(started.ConversationId, "From the coach");
        var part = await app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new ExportMessagingData(coachee.Id)));
        var json = JsonSerializer.Serialize(part.Data);
        json.ShouldContain("From me");
        json.ShouldContain("From the coach");
        json.ShouldContain("Kai Coach");
        var strangerPart = await app.InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(new ExportMessagingData(Guid.NewGuid())));
        JsonSerializer.Serialize(strangerPart.Data).ShouldNotContain("From me");
    }

    [Fact]
    public async Task When_a_person_is_deleted_their_conversations_close_and_their_streams_end_but_messages_stay()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id, "Hello before I leave");
        await using var stream = await SseReader.OpenAsync(coachee.Client, $"/api/messaging/conversations/{started.ConversationId}/stream?after=1");
        await stream.NextOfTypeAsync("state");

        await app.InScopeAsync(async sp => { await sp.GetRequiredService<IMediator>().Publish(new UserDeleted(coachee.Id, [Roles.Coachee], DateTime.UtcNow)); return 0; });

        SseEvent? e;
        do { e = await stream.NextAsync(); } while (e is not null);   // the server ends the stream
        var conv = (await coach.ConversationsAsync()).Single();
        conv.Closed.ShouldBeTrue();
        (await coach.MessagesAsync(started.ConversationId)).ShouldHaveSingleItem().Text.ShouldBe("Hello before I leave");
    }

    [Fact]
    public async Task No_message_text_reaches_the_logs_or_the_outbox()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        const string secret = "my-secret-salary-figure-9731";
        var started = await coachee.StartAsync(coach.Id, secret);
        await coach.SendAsync(started.ConversationId, secret + " reply");
        app.Logs.AllText.ShouldNotContain(secret);
        var outbox = await app.InScopeAsync(async sp => await sp.GetRequiredService<BuildingBlocks.Outbox.PlatformDbContext>().OutboxMessages.Select(m => m.Payload).ToListAsync());
        outbox.ShouldAllBe(p => !p.Contains(secret));
    }
}
