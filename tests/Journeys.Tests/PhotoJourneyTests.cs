using MediatR;
using TechInterviewCoach.Orders.Contracts;

namespace TechInterviewCoach.Journeys.Tests;

/// <summary>Issue 16, faces: a coach puts up a photo on their profile page; a coachee sees it on the card and the profile.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhotoJourneyTests(Browser browser) : IAsyncLifetime
{
    private readonly JourneysApp _app = new() { Database = TestDatabase.Sqlite };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>The image's decoded width in the browser: 0 while it is broken or not loaded.</summary>
    private static async Task<int> LoadedWidthAsync(ILocator img)
    {
        await Assertions.Expect(img).ToBeVisibleAsync();
        for (var i = 0; i < 50; i++)
        {
            var width = await img.EvaluateAsync<int>("i => i.complete ? i.naturalWidth : 0");
            if (width > 0) return width;
            await Task.Delay(100);
        }
        return 0;
    }

    [Fact]
    public async Task A_coach_uploads_a_photo_on_their_profile_and_a_coachee_sees_it_on_the_card_and_the_profile()
    {
        var coach = await browser.NewPageAsync(_app.ServerAddress);
        var coachId = await JourneysApp.SignInAsNewAsync(coach, "coach", "Noor Portrait");
        var api = coach.Context.APIRequest;
        (await api.PutAsync("/api/matching/coach/profile", new()
        {
            DataObject = new
            {
                headline = "Engineering manager, behavioural interviews", bio = "", yearsOfExperience = 9, companies = new[] { "Initech" }, roles = new[] { "backend" },
                interviewTypes = new[] { "behavioural" }, coachedCounts = new Dictionary<string, int>(), languages = new[] { "en" }, timeZone = "Europe/Berlin",
                availability = Array.Empty<object>(), isPublished = true,
            },
        })).Status.ShouldBe(204);
        var created = await api.PostAsync("/api/matching/coach/listings", new() { DataObject = new { title = "Behavioural mock", description = "", kind = "Single", sessions = 1, sessionMinutes = 60, priceMinor = 9000, currency = "USD" } });
        created.Status.ShouldBe(201, await created.TextAsync());
        var listingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        (await api.PostAsync($"/api/matching/coach/listings/{listingId}/publish")).Status.ShouldBe(200);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new CoachPayoutStatusChanged(coachId, true, DateTime.UtcNow));

        // No photo yet: the initials. A file that is not an image is refused on the form.
        await coach.GotoAsync("/coach/profile");
        await Assertions.Expect(coach.Locator("[data-testid=photo-section] .avatar-initials")).ToHaveTextAsync("NP");
        await coach.SetInputFilesAsync("#photo-file", new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a photo at all") });
        await coach.ClickAsync("[data-testid=upload-photo]");
        await Assertions.Expect(coach.Locator("[data-testid=photo-error]")).ToContainTextAsync("not a JPEG, PNG or WebP image");
        await Assertions.Expect(coach.Locator("[data-testid=photo-section] .avatar-initials")).ToBeVisibleAsync();

        // A real photo, landscape and large: it is cropped and shrunk to a 256-pixel square.
        await coach.SetInputFilesAsync("#photo-file", new FilePayload { Name = "me.jpg", MimeType = "image/jpeg", Buffer = SampleImages.Jpeg(1600, 1000) });
        await coach.ClickAsync("[data-testid=upload-photo]");
        await Assertions.Expect(coach.Locator("p.success[role=status]")).ToContainTextAsync("Photo saved");
        var own = coach.Locator("[data-testid=photo-section] img.avatar");
        (await LoadedWidthAsync(own)).ShouldBe(256);
        await Assertions.Expect(own).ToHaveAttributeAsync("alt", "Photo of Noor Portrait");

        // A coachee finds the coach in the directory, with the photo, and on the coach's page.
        var coachee = await browser.NewPageAsync(_app.ServerAddress);
        await JourneysApp.SignInAsNewAsync(coachee, "coachee", "Casey Looks");
        await coachee.GotoAsync("/coaches?q=noor");
        var card = coachee.Locator("[data-testid=coach-card]", new() { HasText = "Noor Portrait" });
        var onCard = card.Locator("img.avatar");
        await Assertions.Expect(onCard).ToHaveAttributeAsync("alt", "Photo of Noor Portrait");
        (await LoadedWidthAsync(onCard)).ShouldBe(256);
        await card.Locator("a", new() { HasText = "Noor Portrait" }).ClickAsync();
        await coachee.WaitForURLAsync($"**/coaches/{coachId}");
        var onProfile = coachee.Locator("img.avatar-large");
        await Assertions.Expect(onProfile).ToHaveAttributeAsync("alt", "Photo of Noor Portrait");
        (await LoadedWidthAsync(onProfile)).ShouldBe(256);

        // The coach removes it: the coachee sees the initials again.
        await coach.ClickAsync("[data-testid=remove-photo]");
        await Assertions.Expect(coach.Locator("[data-testid=photo-section] .avatar-initials")).ToHaveTextAsync("NP");
        await coachee.ReloadAsync();
        await Assertions.Expect(coachee.Locator(".with-avatar .avatar-initials")).ToHaveTextAsync("NP");
        (await coachee.Locator("img.avatar").CountAsync()).ShouldBe(0);
    }
}
