namespace TechInterviewCoach.Journeys.Tests;

/// <summary>A person sees their own sign-ins in Settings, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInHistoryJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_person_signed_in_from_two_browsers_sees_both_in_settings_the_second_marked_new()
    {
        var first = await browser.NewPageAsync(_app.ServerAddress);
        var id = await JourneysApp.SignInAsNewAsync(first, "coachee", "Sina Browser");
        var second = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsync(second, id);

        await first.GotoAsync("/settings");
        var rows = first.GetByTestId("sign-in");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("new browser");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Chrome");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("this computer");
        await Assertions.Expect(rows.Nth(1)).Not.ToContainTextAsync("new browser");
    }
}
