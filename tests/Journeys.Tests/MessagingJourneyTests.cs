namespace TechInterviewCoach.Journeys.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MessagingJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private const string QuizMarker = Samples.QuizCompany;

    private static object Quiz() => Samples.Quiz(QuizMarker);

    [Fact]
    public async Task A_message_typed_by_one_side_appears_live_for_the_other_and_the_coach_sees_the_quiz_only_once_it_started()
    {
        var coachPage = await browser.NewPageAsync(_app.ServerAddress, "America/New_York");
        var coacheePage = await browser.NewPageAsync(_app.ServerAddress);
        var errors = new List<string>();
        coachPage.Console += (_, m) => { if (m.Type == "error") errors.Add("coach: " + m.Text); };
        coacheePage.Console += (_, m) => { if (m.Type == "error") errors.Add("coachee: " + m.Text); };
        var coachId = await JourneysApp.SignInAsNewAsync(coachPage, "coach", "Kai Coach");
        var coacheeId = await JourneysApp.SignInAsNewAsync(coacheePage, "coachee", "Cora Coachee");
        var quiz = await coacheePage.Context.APIRequest.PostAsync("/api/matching/quiz/submit", new() { DataObject = Quiz() });
        quiz.Status.ShouldBe(204, await quiz.TextAsync());

        // Before the conversation, the coach cannot see the coachee's quiz.
        var before = await coachPage.GotoAsync($"/coach/coachees/{coacheeId}");
        before!.Status.ShouldBe(404);
        (await coachPage.ContentAsync()).ShouldNotContain(QuizMarker);
        errors.Clear();   // that 404 is expected

        // The coachee starts the conversation from the form coach cards link to.
        await coacheePage.GotoAsync($"/messages/new?coachId={coachId}");
        await coacheePage.FillAsync("[data-testid=first-message]", "Hello Kai, can we practise system design?");
        await coacheePage.ClickAsync("[data-testid=start-conversation]");
        await Assertions.Expect(coacheePage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messages/[0-9a-f-]{36}$"));
        var conversationUrl = new Uri(coacheePage.Url).AbsolutePath;

        // The coach opens it; both pages are now live.
        await coachPage.GotoAsync("/messages");
        await coachPage.ClickAsync("text=Cora Coachee");
        await Assertions.Expect(coachPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(conversationUrl) + "$"));
        await coachPage.Locator("#messages[data-live=true]").WaitForAsync();
        await coacheePage.Locator("#messages[data-live=true]").WaitForAsync();
        (await coachPage.Locator("[data-testid=coachee-data-link]").GetAttributeAsync("href")).ShouldBe($"/coach/coachees/{coacheeId}");
        // Once it started, the coach sees the quiz beside it (in a second tab, so the chat stays open).
        var quizTab = await coachPage.Context.NewPageAsync();
        var during = await quizTab.GotoAsync($"/coach/coachees/{coacheeId}");
        during!.Status.ShouldBe(200);
        (await quizTab.ContentAsync()).ShouldContain(QuizMarker);
        await quizTab.CloseAsync();

        // The coachee types; the coach sees it without reloading.
        var coachNavigations = 0;
        coachPage.FrameNavigated += (_, f) => { if (f == coachPage.MainFrame) coachNavigations++; };
        await coacheePage.FillAsync("[data-testid=composer-text]", "Here is my plan: https://example.com/plan?x=1 <b>not bold</b>");
        await coacheePage.ClickAsync("[data-testid=send]");
        var arrived = coachPage.Locator("[data-testid=message-text]", new() { HasTextString = "Here is my plan" });
        await arrived.WaitForAsync();
        (await arrived.TextContentAsync())!.ShouldContain("<b>not bold</b>");
        var link = arrived.Locator("a");
        (await link.GetAttributeAsync("href")).ShouldBe("https://example.com/plan?x=1");
        (await link.GetAttributeAsync("rel")).ShouldBe("noopener noreferrer nofollow");
        (await link.GetAttributeAsync("target")).ShouldBe("_blank");
        (await arrived.Locator("b").CountAsync()).ShouldBe(0);

        // The coach's open page read it: the coachee sees "Read" live too.
        await coacheePage.Locator(".message.mine[data-seq='2'] [data-testid=read-receipt]:not(.hidden)").WaitForAsync();

        // And the other way round.
        await coachPage.FillAsync("[data-testid=composer-text]", "Sounds good, see you Tuesday");
        await coachPage.ClickAsync("[data-testid=send]");
        await coacheePage.Locator("[data-testid=message-text]", new() { HasTextString = "Sounds good, see you Tuesday" }).WaitForAsync();
        (await coachPage.Locator("[data-testid=composer-text]").InputValueAsync()).ShouldBeEmpty();

        coachNavigations.ShouldBe(0, "no reload on the coach's side");
        (await coachPage.Locator("[data-testid=message]").CountAsync()).ShouldBe(3, "each message once");
        errors.ShouldBeEmpty("no CSP violations or script errors");
    }
}
