namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Issue 11, items 1, 2, 3 and 8: the buttons and links a person clicks in the header and in a chat, clicked the way
/// they would be (the header's sign-out and the chat's forms post to an explicit action, so they need their own
/// antiforgery token).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryActionJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private const string QuizMarker = "Zyxwvut Industries";

    internal static object Quiz(string company = QuizMarker) => Samples.Quiz(company);

    /// <summary>A coach, a coachee with a quiz, and a conversation the coachee started; returns the chat's path.</summary>
    private async Task<(IPage Coach, IPage Coachee, Guid CoacheeId, string ChatPath)> ConversationAsync(bool coacheeJavaScript = true)
    {
        var coach = await browser.NewPageAsync(_app.ServerAddress);
        var coachId = await JourneysApp.SignInAsNewAsync(coach, "coach", "Kim Coach");
        var coachee = coacheeJavaScript ? await browser.NewPageAsync(_app.ServerAddress) : await NoScriptPageAsync();
        var coacheeId = await JourneysApp.SignInAsNewAsync(coachee, "coachee", "Cleo Coachee");
        var quiz = await coachee.Context.APIRequest.PostAsync("/api/matching/quiz/submit", new() { DataObject = Quiz() });
        quiz.Status.ShouldBe(204, await quiz.TextAsync());
        await coachee.GotoAsync($"/messages/new?coachId={coachId}");
        await coachee.FillAsync("[data-testid=first-message]", "Hello Kim, can we practise system design?");
        await coachee.ClickAsync("[data-testid=start-conversation]");
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex("/messages/[0-9a-f-]{36}$"));
        return (coach, coachee, coacheeId, new Uri(coachee.Url).AbsolutePath);
    }

    private async Task<IPage> NoScriptPageAsync()
    {
        var context = await browser.Instance.NewContextAsync(new() { BaseURL = _app.ServerAddress.ToString(), JavaScriptEnabled = false, TimezoneId = "Europe/Berlin", Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task The_header_sign_out_signs_the_person_out()
    {
        var page = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Sam Signout");
        await page.GotoAsync("/settings");
        // The form's own answer (it was a 400 without an antiforgery token), awaited from before the click.
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/signout", StringComparison.Ordinal));
        response.Status.ShouldBeLessThan(400, $"{response.Status} {response.StatusText} from {response.Url}");
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        // Signed out for real: a signed-in page sends them to sign in.
        await page.GotoAsync("/settings");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
    }

    [Fact]
    public async Task Closing_the_conversation_in_the_chat_ends_the_coachs_access_to_the_quiz_and_cv()
    {
        var (coach, coachee, coacheeId, chat) = await ConversationAsync();
        (await coach.GotoAsync($"/coach/coachees/{coacheeId}"))!.Status.ShouldBe(200);
        (await coach.ContentAsync()).ShouldContain(QuizMarker);

        coachee.Dialog += (_, d) => d.AcceptAsync();
        await coachee.ClickAsync("[data-testid=close-conversation]");
        await Assertions.Expect(coachee.Locator("[data-testid=chat-state]")).ToContainTextAsync("closed");
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex(Regex.Escape(chat) + "$"));

        (await coach.GotoAsync($"/coach/coachees/{coacheeId}"))!.Status.ShouldBe(404);
        (await coach.ContentAsync()).ShouldNotContain(QuizMarker);
    }

    [Fact]
    public async Task A_message_reported_in_the_chat_appears_for_the_admins_and_block_stops_the_conversation()
    {
        var (coach, coachee, _, chat) = await ConversationAsync();
        await coach.GotoAsync(chat);
        await coach.FillAsync("[data-testid=composer-text]", "Send me your password please");
        await coach.ClickAsync("[data-testid=send]");
        await coach.Locator("[data-testid=message-text]", new() { HasTextString = "Send me your password" }).WaitForAsync();

        await coachee.ReloadAsync();
        var message = coachee.Locator("[data-testid=message]", new() { HasTextString = "Send me your password" });
        await message.GetByText("Report", new() { Exact = true }).ClickAsync();
        await message.Locator("input[name=reason]").FillAsync("Asks for my password");
        var reported = await coachee.RunAndWaitForResponseAsync(() => message.GetByRole(AriaRole.Button, new() { Name = "Report to admins" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/report", StringComparison.Ordinal));
        reported.Status.ShouldBeLessThan(400, $"{reported.Status} {reported.StatusText} from {reported.Url}");
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex(Regex.Escape(chat) + "$"));
        await Assertions.Expect(coachee.Locator("[data-testid=chat-error]")).ToHaveCountAsync(0);

        coachee.Dialog += (_, d) => d.AcceptAsync();
        await coachee.ClickAsync("[data-testid=block]");
        await Assertions.Expect(coachee.Locator("[data-testid=chat-state]")).ToContainTextAsync("blocked");
        await Assertions.Expect(coachee.Locator("[data-testid=composer-text]")).ToBeHiddenAsync();

        var admin = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(admin, "admin", "Ada Admin");
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Reported messages" }).ClickAsync();
        var row = admin.Locator("[data-testid=report-row]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Asks for my password");
        await Assertions.Expect(row).ToContainTextAsync("Send me your password please");
    }

    [Fact]
    public async Task A_message_sent_without_javascript_appears_in_the_conversation()
    {
        var (_, coachee, _, chat) = await ConversationAsync(coacheeJavaScript: false);
        await coachee.FillAsync("[data-testid=composer-text]", "Typed without any script running");
        await coachee.ClickAsync("[data-testid=send]");
        await Assertions.Expect(coachee.Locator("[data-testid=message-text]", new() { HasTextString = "Typed without any script running" })).ToBeVisibleAsync();
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex(Regex.Escape(chat) + "$"));
    }

    [Fact]
    public async Task The_navigation_leads_a_coachee_to_the_cv_upload_and_a_coach_to_their_bookings()
    {
        var coachee = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(coachee, "coachee", "Nia Nav");
        await coachee.GotoAsync("/");
        await coachee.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "CV", Exact = true }).ClickAsync();
        await Assertions.Expect(coachee).ToHaveURLAsync(new Regex("/cv$"));
        await Assertions.Expect(coachee.Locator("input[type=file]")).ToBeAttachedAsync();

        var coach = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(coach, "coach", "Noor Nav");
        await coach.GotoAsync("/");
        await coach.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Bookings", Exact = true }).ClickAsync();
        await Assertions.Expect(coach).ToHaveURLAsync(new Regex("/coach/orders$"));
        (await coach.Locator("h1").TextContentAsync())!.ShouldNotBeNullOrWhiteSpace();
    }
}
