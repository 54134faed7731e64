using SkiaSharp;

namespace TechInterviewCoach.Matching.Tests;

/// <summary>
/// Coach photos through HTTP on PostgreSQL: uploads checked by content and re-encoded, bad files refused with the previous
/// photo kept, how the photo is served, where it shows, and that it goes with the account.
/// </summary>
public sealed class PhotoTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    internal sealed record PhotoView(string Url, string Source, int Width, int Height, long SizeBytes, DateTime UpdatedAt);
    private sealed record MyPhoto(PhotoView? Photo, bool LinkedInPhotoAvailable);
    private sealed record DirectoryPage(List<Card> Items);
    private sealed record Card(Guid CoachId, string DisplayName, string? PhotoUrl);

    private async Task<PhotoView> UploadAsync(TestUser coach, byte[] image, string name = "me.jpg", string type = "image/jpeg") =>
        await (await coach.Client.UploadPhotoAsync(image, name, type)).ReadJsonAsync<PhotoView>();

    private int PhotoFiles() => Directory.Exists(app.PhotoDirectory) ? Directory.EnumerateFiles(app.PhotoDirectory).Count() : 0;

    [Fact]
    public async Task An_uploaded_photo_is_served_as_a_256_pixel_square_webp_with_cache_headers()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Pia Photo");
        var photo = await UploadAsync(coach, SampleImages.Jpeg(1200, 800));
        (photo.Width, photo.Height, photo.Source).ShouldBe((256, 256, "upload"));

        var anon = app.CreateClient();
        var response = await anon.GetAsync(photo.Url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        var etag = response.Headers.ETag!;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        SampleImages.Describe(bytes).ShouldBe((256, 256, "webp"));
        bytes.Length.ShouldBe((int)photo.SizeBytes);

        // The same photo again: 304 without the bytes. The address without its version is checked each time.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/matching/coaches/{coach.Id}/photo");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await anon.SendAsync(conditional);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        notModified.Headers.CacheControl!.NoCache.ShouldBeTrue();

        // PNG and WebP are accepted too; a photo smaller than 256 is cropped to a square and not enlarged.
        var png = await UploadAsync(coach, SampleImages.Png(100, 60), "small.png", "image/png");
        (png.Width, png.Height).ShouldBe((60, 60));
        SampleImages.Describe(await anon.GetByteArrayAsync(png.Url)).ShouldBe((60, 60, "webp"));
        png.Url.ShouldNotBe(photo.Url, "a new photo has a new address");
        var webp = await UploadAsync(coach, SampleImages.Webp(300, 500), "tall.webp", "image/webp");
        (webp.Width, webp.Height).ShouldBe((256, 256));
        PhotoFiles().ShouldBe(1, "each replaced photo's file is deleted");
        (await anon.GetAsync(photo.Url)).Headers.ETag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task Exif_and_gps_text_in_an_upload_are_gone_from_the_stored_photo()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Gus Gps");
        const string marker = "SECRET-GPS-52.5200N-13.4050E home of Gus";
        var original = SampleImages.WithExif(SampleImages.Jpeg(640, 480), marker);
        Encoding.ASCII.GetString(original).ShouldContain(marker);
        Encoding.ASCII.GetString(original).ShouldContain("Exif");

        var photo = await UploadAsync(coach, original);

        var served = Encoding.ASCII.GetString(await app.CreateClient().GetByteArrayAsync(photo.Url));
        served.ShouldNotContain("SECRET-GPS");
        served.ShouldNotContain("Exif");
        served.ShouldNotContain("EXIF");
        served.ShouldNotContain("XMP");
        var stored = Encoding.ASCII.GetString(File.ReadAllBytes(Directory.EnumerateFiles(app.PhotoDirectory).Single()));
        stored.ShouldNotContain("SECRET-GPS");
    }

    [Fact]
    public async Task A_photo_stored_on_its_side_with_an_exif_orientation_is_turned_upright()
    {
        var coach = await app.CreateUserAsync(Roles.Coach, "Otto Orientation");
        // Stored 400×200, left half red, right half blue; orientation 6 says: turn 90° clockwise to view (left → top).
        var sideways = SampleImages.WithExif(SampleImages.Halves(400, 200, SKColors.Red, SKColors.Blue), "phone", orientation: 6);

        var photo = await UploadAsync(coach, sideways);

        var served = await app.CreateClient().GetByteArrayAsync(photo.Url);
        SampleImages.Describe(served).ShouldBe((200, 200, "webp"));
        var top = SampleImages.PixelAt(served, 100, 20);
        var bottom = SampleImages.PixelAt(served, 100, 180);
        (top.Red > 200 && top.Blue < 60).ShouldBeTrue($"top is red, was {top}");
        (bottom.Blue > 200 && bottom.Red < 60).ShouldBeTrue($"bottom is blue, was {bottom}");
    }

    [Fact]
    public async Task Bad_files_are_refused_with_a_stable_code_and_the_previous_photo_stays()
    {
        var coach = await app.CreateListedCoachAsync("Kept Photo", Fixtures.Profile());
        var first = await UploadAsync(coach, SampleImages.Jpeg(300, 300));

        // Not an image, whatever the name and type say: a web page, a PDF, a GIF (not one of the three formats).
        var html = await (await coach.Client.UploadPhotoAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "me.jpg", "image/jpeg"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_not_image");
        html.FieldErrors().ShouldContainKey("photo");
        await (await coach.Client.UploadPhotoAsync(Fixtures.Pdf("not a face"), "me.png", "image/png")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_not_image");
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
        await (await coach.Client.UploadPhotoAsync(gif, "me.webp", "image/webp")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_not_image");
        // A JPEG cut off half-way is damaged.
        var whole = SampleImages.Jpeg(300, 300);
        await (await coach.Client.UploadPhotoAsync(whole[..(whole.Length / 2)])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_not_image");
        // Over 2 MB.
        var big = new byte[2 * 1024 * 1024 + 1];
        SampleImages.Jpeg(64, 64).CopyTo(big, 0);
        await (await coach.Client.UploadPhotoAsync(big)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_too_large");
        // A header that declares 30,000 × 30,000 pixels in a few hundred bytes (a decompression bomb), and 30 megapixels.
        var bomb = SampleImages.DeclaringSize(30_000, 30_000);
        bomb.Length.ShouldBeLessThan(5_000);
        (await (await coach.Client.UploadPhotoAsync(bomb)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_too_many_pixels"))
            .GetProperty("title").GetString()!.ShouldContain("30000×30000");
        await (await coach.Client.UploadPhotoAsync(SampleImages.DeclaringSize(6000, 5000))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_too_many_pixels");
        // No file at all.
        await (await coach.Client.PostAsync("/api/matching/coach/photo", new MultipartFormDataContent { { new StringContent("x"), "other" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo_missing");

        var mine = await coach.Client.GetJsonAsync<MyPhoto>("/api/matching/coach/photo");
        mine.Photo!.Url.ShouldBe(first.Url);
        (await app.CreateClient().GetAsync(first.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateClient().GetJsonAsync<Card>($"/api/matching/coaches/{coach.Id}")).PhotoUrl.ShouldBe(first.Url);
        PhotoFiles().ShouldBe(1, "no refused file is left behind");
    }

    [Fact]
    public async Task The_profile_page_shows_a_bad_upload_as_a_form_error_and_keeps_the_photo()
    {
        var coach = await app.CreateListedCoachAsync("Form Photo", Fixtures.Profile());
        var first = await UploadAsync(coach, SampleImages.Png(300, 300), "a.png", "image/png");
        var page = await coach.Client.GetPageAsync("/coach/profile");
        var token = page.QuerySelector("#photo-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent("MZ this is a program"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "me.jpg");

        var response = await coach.Client.PostAsync("/coach/profile?handler=Photo", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await TechInterviewCoach.TestKit.Pages.ParseAsync(await response.Content.ReadAsStringAsync());
        after.QuerySelector("[data-testid=photo-error]")!.TextContent.ShouldContain("not a JPEG, PNG or WebP image");
        after.QuerySelector("#photo-file")!.GetAttribute("aria-invalid").ShouldBe("true");
        after.QuerySelector("[data-testid=photo-section] img")!.GetAttribute("src").ShouldBe(first.Url);
        after.QuerySelector("input[name='Input.Headline']")!.GetAttribute("value").ShouldBe("Staff engineer", "the profile form is shown as saved");
    }

    [Fact]
    public async Task Cards_and_the_coach_page_show_the_photo_with_alt_text_and_initials_without_one()
    {
        var pictured = await app.CreateListedCoachAsync("Ada Lovelace", Fixtures.Profile(headline: "Compiler engineer"));
        var plain = await app.CreateListedCoachAsync("Grace Brewster Hopper", Fixtures.Profile(headline: "Admiral"));
        var photo = await UploadAsync(pictured, SampleImages.Jpeg(500, 500));
        var anon = app.CreateClient();

        var cards = (await anon.GetJsonAsync<DirectoryPage>("/api/matching/coaches")).Items.ToDictionary(c => c.CoachId);
        cards[pictured.Id].PhotoUrl.ShouldBe(photo.Url);
        cards[plain.Id].PhotoUrl.ShouldBeNull();

        var directory = await anon.GetPageAsync("/coaches");
        var img = directory.QuerySelector($"[data-testid=coach-card] img.avatar[src='{photo.Url}']")!;
        img.GetAttribute("alt").ShouldBe("Photo of Ada Lovelace");
        var initials = directory.QuerySelectorAll("[data-testid=coach-card]").Single(c => c.TextContent.Contains("Grace Brewster Hopper")).QuerySelector(".avatar-initials")!;
        initials.TextContent.ShouldBe("GH");
        initials.GetAttribute("aria-hidden").ShouldBe("true");

        var profile = await anon.GetPageAsync($"/coaches/{pictured.Id}");
        profile.QuerySelector("img.avatar-large")!.GetAttribute("alt").ShouldBe("Photo of Ada Lovelace");
        profile.QuerySelector("img.avatar-large")!.GetAttribute("src").ShouldBe(photo.Url);
    }

    [Fact]
    public async Task A_coach_removes_their_photo_and_their_initials_show_again()
    {
        var coach = await app.CreateListedCoachAsync("Remy Remove", Fixtures.Profile());
        var photo = await UploadAsync(coach, SampleImages.Jpeg(400, 400));
        PhotoFiles().ShouldBe(1);

        (await coach.Client.DeleteAsync("/api/matching/coach/photo")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await app.CreateClient().GetAsync(photo.Url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "photo_not_found");
        (await coach.Client.GetJsonAsync<MyPhoto>("/api/matching/coach/photo")).Photo.ShouldBeNull();
        (await app.CreateClient().GetJsonAsync<Card>($"/api/matching/coaches/{coach.Id}")).PhotoUrl.ShouldBeNull();
        PhotoFiles().ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_the_account_removes_the_photo_and_the_export_describes_it()
    {
        var coach = await app.CreateListedCoachAsync("Del Eted", Fixtures.Profile());
        var photo = await UploadAsync(coach, SampleImages.Jpeg(400, 400));

        var export = await coach.Client.PostAsync("/api/identity/export", null);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync())))
        {
            using var reader = new StreamReader(zip.GetEntry("matching.json")!.Open());
            var described = JsonSerializer.Deserialize<JsonElement>(await reader.ReadToEndAsync()).GetProperty("coachPhoto");
            described.GetProperty("source").GetString().ShouldBe("upload");
            described.GetProperty("width").GetInt32().ShouldBe(256);
            zip.GetEntry("coach-photo.webp").ShouldNotBeNull();
        }

        (await coach.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WaitForOutboxAsync();

        (await app.CreateClient().GetAsync(photo.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        PhotoFiles().ShouldBe(0, "the photo file is removed from storage");
        (await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().CoachPhotos.AnyAsync(p => p.CoachId == coach.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_a_coach_uploads_a_photo()
    {
        var coachee = await app.CreateUserAsync(Roles.Coachee);
        (await coachee.Client.UploadPhotoAsync(SampleImages.Jpeg(100, 100))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CreateClient().GetAsync($"/api/matching/coaches/{coachee.Id}/photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
