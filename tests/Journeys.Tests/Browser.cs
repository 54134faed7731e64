namespace TechInterviewCoach.Journeys.Tests;

/// <summary>
/// One headless Chromium per test assembly (Debian's, at /usr/bin/chromium: Playwright's own download is
/// not available offline). Each test opens its own contexts, so cookies never leak between people.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        // CI shares two cores between the build's test processes: give web-first assertions the same patience as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        Instance = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (one person) with the app's base URL.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string timezoneId = "Europe/Berlin")
    {
        var context = await Instance.NewContextAsync(new() { BaseURL = baseAddress.ToString(), TimezoneId = timezoneId, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
