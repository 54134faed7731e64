namespace TechInterviewCoach.Journeys.Tests;

/// <summary>The app on a real Kestrel port for the browser; plain HTTP on loopback, so Secure-only cookies are off.</summary>
public sealed class JourneysApp : AppFactory
{
    public JourneysApp()
    {
        UseRealServer = true;
        Settings["Security:RequireHttps"] = "false";
        Settings["Matching:CvStoragePath"] = CvDirectory;
        Settings["Matching:PhotoStoragePath"] = Path.Combine(CvDirectory, "photos");
    }

    /// <summary>This app's own CV folder (photos in a folder inside it), removed with it, so uploads from one journey never meet another's.</summary>
    public string CvDirectory { get; } = Path.Combine(Path.GetTempPath(), "tic-cv-journey-" + Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(CvDirectory, recursive: true); } catch (IOException) { }
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
