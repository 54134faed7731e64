namespace TechInterviewCoach.Messaging.Tests;

/// <summary>The chat's forms without script: a refused action goes back to the chat with its reason above it.</summary>
public sealed class ChatFormTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_message_sent_without_script_to_a_closed_conversation_goes_back_to_the_chat_with_the_reason()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id);
        var chat = $"/messages/{started.ConversationId}";
        var page = await coach.Client.GetPageAsync(chat);
        (await coachee.Client.PostAsync($"/api/messaging/conversations/{started.ConversationId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var answer = await coach.Client.SubmitFormAsync(page, "#composer", new Dictionary<string, string> { ["text"] = "Are you still there?" });

        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe(chat);
        var shown = await coach.Client.GetPageAsync(chat);
        shown.QuerySelector("[data-testid=chat-error]")!.TextContent.ShouldBe("This conversation is closed: its history stays, but no new messages can be sent.");
        shown.QuerySelectorAll("[data-testid=message-text]").Select(m => m.TextContent).ShouldNotContain("Are you still there?");
    }

    [Fact]
    public async Task An_empty_message_sent_without_script_is_refused_on_the_chat_and_a_strangers_post_is_not_found()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var started = await coachee.StartAsync(coach.Id);
        var chat = $"/messages/{started.ConversationId}";
        var page = await coachee.Client.GetPageAsync(chat);

        var answer = await coachee.Client.SubmitFormAsync(page, "#composer", new Dictionary<string, string> { ["text"] = "   " });

        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.ToString().ShouldBe(chat);
        (await coachee.Client.GetPageAsync(chat)).QuerySelector("[data-testid=chat-error]")!.TextContent.ShouldBe("Write a message first: it cannot be empty.");

        var stranger = await app.CreateUserAsync(Roles.Coachee, "Sam Stranger");
        var strangersPage = await stranger.Client.GetPageAsync("/messages");
        var token = strangersPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("text", "hello")]);
        (await stranger.Client.PostAsync(chat + "/send", post)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
