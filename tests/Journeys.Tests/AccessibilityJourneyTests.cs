namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// Issue 11, accessibility and phones: the error pattern after a failed submit, the skip link, aria-current, and the
/// navigation behind a menu button on a phone, used with the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<IPage> PageAsync(int width = 1280)
    {
        var context = await browser.Instance.NewContextAsync(new()
        {
            BaseURL = _app.ServerAddress.ToString(), TimezoneId = "Europe/Berlin", Locale = "en-GB", ViewportSize = new() { Width = width, Height = 844 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task After_a_failed_submit_focus_is_on_the_error_summary_and_the_field_is_marked_invalid_and_described_by_its_error()
    {
        var page = await PageAsync();
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Erin Error");
        await page.GotoAsync("/settings");
        await page.Locator("[name='Input.DisplayName']").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        var field = page.Locator("[name='Input.DisplayName']");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await field.GetAttributeAsync("aria-describedby");
        describedBy.ShouldNotBeNullOrWhiteSpace();
        var errorText = (await page.Locator("#" + describedBy!.Split(' ')[^1]).TextContentAsync())!.Trim();
        errorText.ShouldNotBeEmpty();
        await Assertions.Expect(summary).ToContainTextAsync(errorText);

        // The summary's link takes the keyboard to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = errorText }).ClickAsync();
        await Assertions.Expect(field).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_first_tab_offers_a_skip_link_to_the_main_content_and_the_navigation_marks_the_current_page()
    {
        var page = await PageAsync();
        await JourneysApp.SignInAsNewAsync(page, "coachee", "Sky Skip");
        await page.GotoAsync("/matches");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Matches" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(nav.Locator("[aria-current]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task On_a_phone_the_navigation_sits_behind_a_menu_button_that_works_with_the_keyboard()
    {
        var page = await PageAsync(width: 390);
        await JourneysApp.SignInAsNewAsync(page, "coach", "Pia Phone");
        await page.GotoAsync("/");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var bookings = page.GetByRole(AriaRole.Link, new() { Name = "Bookings" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(bookings).ToBeHiddenAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(bookings).ToBeVisibleAsync();
        // The links follow the button in tab order.
        for (var i = 0; i < 12 && !await bookings.EvaluateAsync<bool>("e => e === document.activeElement"); i++) await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(bookings).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await Assertions.Expect(bookings).ToBeHiddenAsync();

        await menu.ClickAsync();
        await bookings.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/coach/orders$"));
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }
}
