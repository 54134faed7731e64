using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// The coach's LinkedIn picture, only with their consent: fetched from a local stand-in of LinkedIn's picture host over
/// real HTTP (the address is the <c>picture</c> claim Identity kept at the coach's LinkedIn sign-in).
/// </summary>
public sealed class LinkedInPhotoTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    private StandIn linkedIn = null!;
    private byte[] picture = SampleImages.Jpeg(800, 800);
    private HttpStatusCode status = HttpStatusCode.OK;

    public async Task InitializeAsync()
    {
        linkedIn = await StandIn.StartAsync(web => web.MapGet("/dms/image/{name}", () =>
            status == HttpStatusCode.OK ? Results.Bytes(picture, "image/jpeg") : Results.StatusCode((int)status)));
        app.Settings["Matching:LinkedInPictureOrigins"] = linkedIn.BaseAddress.ToString().TrimEnd('/');
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await linkedIn.DisposeAsync();
    }

    private sealed record PhotoView(string Url, string Source, int Width, int Height);
    private sealed record MyPhoto(PhotoView? Photo, bool LinkedInPhotoAvailable);
    private sealed record Card(Guid CoachId, string? PhotoUrl);

    /// <summary>What Identity keeps from the coach's LinkedIn sign-in: the picture's address.</summary>
    private async Task<string> SignedInWithLinkedInAsync(Guid userId, string? url = null)
    {
        url ??= new Uri(linkedIn.BaseAddress, $"dms/image/{userId:N}").ToString();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE identity.users SET picture_url = @url WHERE id = @id", connection);
        command.Parameters.AddWithValue("url", url);
        command.Parameters.AddWithValue("id", userId);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        return url;
    }

    [Fact]
    public async Task The_linkedin_picture_is_fetched_only_when_the_coach_chooses_it_and_then_shows_on_the_card()
    {
        var coach = await app.CreateListedCoachAsync("Lin Kedin", Fixtures.Profile());
        var url = await SignedInWithLinkedInAsync(coach.Id);

        // Before the choice: offered, never fetched, not shown.
        var before = await coach.Client.GetJsonAsync<MyPhoto>("/api/matching/coach/photo");
        before.Photo.ShouldBeNull();
        before.LinkedInPhotoAvailable.ShouldBeTrue();
        (await coach.Client.GetPageAsync("/coach/profile")).QuerySelector("[data-testid=use-linkedin-photo]")!.TextContent.ShouldBe("Use my LinkedIn photo");
        (await app.CreateClient().GetJsonAsync<Card>($"/api/matching/coaches/{coach.Id}")).PhotoUrl.ShouldBeNull();
        linkedIn.Requests.ShouldBeEmpty();

        var chosen = await (await coach.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ReadJsonAsync<PhotoView>();

        (chosen.Source, chosen.Width, chosen.Height).ShouldBe(("linkedin", 256, 256));
        linkedIn.Requests.Select(r => r.Path).ShouldBe([new Uri(url).AbsolutePath]);
        SampleImages.Describe(await app.CreateClient().GetByteArrayAsync(chosen.Url)).ShouldBe((256, 256, "webp"));
        (await app.CreateClient().GetJsonAsync<Card>($"/api/matching/coaches/{coach.Id}")).PhotoUrl.ShouldBe(chosen.Url);
    }

    [Fact]
    public async Task A_failing_or_oversized_linkedin_picture_is_refused_and_the_uploaded_photo_stays()
    {
        var coach = await app.CreateListedCoachAsync("Fay Ling", Fixtures.Profile());
        await SignedInWithLinkedInAsync(coach.Id);
        var uploaded = await (await coach.Client.UploadPhotoAsync(SampleImages.Jpeg(300, 300))).ReadJsonAsync<PhotoView>();

        status = HttpStatusCode.InternalServerError;
        await (await coach.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "linkedin_photo_unavailable");

        status = HttpStatusCode.OK;
        picture = new byte[3 * 1024 * 1024];
        await (await coach.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_too_large");

        picture = "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray();
        await (await coach.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_not_image");

        (await coach.Client.GetJsonAsync<MyPhoto>("/api/matching/coach/photo")).Photo!.Url.ShouldBe(uploaded.Url);
    }

    [Fact]
    public async Task Without_a_linkedin_picture_from_an_allowed_host_there_is_nothing_to_choose()
    {
        var devSignIn = await app.CreateUserAsync(Roles.Coach, "Dev Only");
        (await devSignIn.Client.GetJsonAsync<MyPhoto>("/api/matching/coach/photo")).LinkedInPhotoAvailable.ShouldBeFalse();
        (await devSignIn.Client.GetPageAsync("/coach/profile")).QuerySelector("[data-testid=use-linkedin-photo]").ShouldBeNull();
        await (await devSignIn.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "linkedin_photo_missing");

        // An address on another host is never fetched (the claim came from outside).
        var elsewhere = await app.CreateUserAsync(Roles.Coach, "Else Where");
        await SignedInWithLinkedInAsync(elsewhere.Id, "http://169.254.169.254/latest/meta-data");
        await (await elsewhere.Client.PostAsync("/api/matching/coach/photo/linkedin", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "linkedin_photo_missing");
        linkedIn.Requests.ShouldBeEmpty();
    }
}
