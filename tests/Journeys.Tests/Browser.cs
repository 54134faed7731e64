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

/// <summary>The app on a real Kestrel port for the browser; plain HTTP on loopback, so Secure-only cookies are off.</summary>
public sealed class BrowserApp : AppFactory
{
    public BrowserApp()
    {
        UseRealServer = true;
        Settings["Security:RequireHttps"] = "false";
    }

    /// <summary>Signs the page's browser context in as an existing person through the dev sign-in endpoint.</summary>
    public static async Task SignInAsync(IPage page, Guid userId)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/dev/signin", new() { DataObject = new { userId } });
        response.Status.ShouldBe(200);
    }

    /// <summary>Signs the page's context in as a new onboarded person; returns the id.</summary>
    public static async Task<Guid> SignInAsNewAsync(IPage page, string role, string? displayName = null, string? email = null)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/dev/signin", new() { DataObject = new { role, displayName, email } });
        response.Status.ShouldBe(200, await response.TextAsync());
        var json = await response.JsonAsync();
        return json!.Value.GetProperty("userId").GetGuid();
    }
}
