namespace TechInterviewCoach.Messaging.Tests;

/// <summary>The release rule across modules: the coach reaches the coachee's quiz only while a conversation is open.</summary>
public sealed class ReleaseTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    internal const string QuizMarker = "Qwertzuiop Systems";

    internal static object Quiz() => new
    {
        targetRoles = new[] { "backend" },
        seniority = "senior",
        targetCompanies = new[] { QuizMarker },
        interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
        interviewTypes = new[] { "system_design" },
        focusAreas = new[] { "distributed" },
        languages = new[] { "en" },
        timeZone = "Europe/Berlin",
        budgetMinor = 15000L,
        budgetCurrency = "USD",
        availability = new object[] { new { day = "Monday", start = "18:00", end = "21:00" } },
    };

    [Fact]
    public async Task The_coach_sees_the_coachees_quiz_only_from_the_start_of_the_conversation_until_it_is_closed()
    {
        var (coachee, coach) = await Chat.PairAsync(app);
        var submitted = await coachee.Client.PostAsJsonAsync("/api/matching/quiz/submit", Quiz());
        submitted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await submitted.Content.ReadAsStringAsync());
        var quizUrl = $"/api/matching/coachees/{coachee.Id}/quiz";
        (await coach.Client.GetAsync(quizUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "before the conversation");
        (await coach.ConversationsAsync()).ShouldBeEmpty();

        var started = await coachee.StartAsync(coach.Id, "Hello");
        // The moment the coach can see the conversation, the grant is there.
        (await coach.ConversationsAsync()).ShouldHaveSingleItem();
        var during = await coach.Client.GetAsync(quizUrl);
        during.StatusCode.ShouldBe(HttpStatusCode.OK, "the grant exists as soon as the conversation does");
        (await during.Content.ReadAsStringAsync()).ShouldContain(QuizMarker);
        var other = await app.CreateUserAsync(Roles.Coach, "Other Coach");
        (await other.Client.GetAsync(quizUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only that coach");

        (await coachee.Client.PostAsync($"/api/messaging/conversations/{started.ConversationId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coach.Client.GetAsync(quizUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "closing ends the access at once, before the outbox runs");
        await app.WaitForOutboxAsync();
        (await coach.Client.GetAsync(quizUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "and it stays ended");
        (await coach.MessagesAsync(started.ConversationId)).ShouldHaveSingleItem("history stays");
        await (await coachee.TryStartAsync(coach.Id, "Again?")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conversation_closed");
        (await coach.Client.GetAsync(quizUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
