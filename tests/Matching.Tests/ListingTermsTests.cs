using System.Text.Json;

namespace TechInterviewCoach.Matching.Tests;

/// <summary>A listing's package validity and meeting method: saved by the coach, read back, handed to Orders (issue 15).</summary>
public sealed class ListingTermsTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    private static object Package(object? validityDays = null, string? meetingUrl = null) => new
    {
        title = "Three mocks", description = "Three hours.", kind = "Package", sessions = 3, sessionMinutes = 60, priceMinor = 30000, currency = "USD",
        validityDays = validityDays ?? 90, meetingUrl,
    };

    [Fact]
    public async Task A_coach_saves_a_packages_validity_and_own_meeting_link_and_Orders_gets_them()
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var created = await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", Package(30, "  https://meet.example.com/coach-room  "));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var listing = (await coach.Client.GetJsonAsync<List<JsonElement>>("/api/matching/coach/listings")).ShouldHaveSingleItem();
        listing.GetProperty("validityDays").GetInt32().ShouldBe(30);
        listing.GetProperty("meetingUrl").GetString().ShouldBe("https://meet.example.com/coach-room");
        var id = listing.GetProperty("id").GetGuid();
        var forPurchase = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new Contracts.GetListingForPurchase(id)));
        forPurchase!.ValidityDays.ShouldBe(30);
        forPurchase.MeetingUrl.ShouldBe("https://meet.example.com/coach-room");

        // Back to a platform room: the link is gone.
        (await coach.Client.PutAsJsonAsync($"/api/matching/coach/listings/{id}", Package(120, ""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        forPurchase = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new Contracts.GetListingForPurchase(id)));
        forPurchase!.ValidityDays.ShouldBe(120);
        forPurchase.MeetingUrl.ShouldBeNull();
    }

    [Theory]
    [InlineData("plain http", "http://meet.example.com/room", "meetingUrl")]
    [InlineData("not a URL", "my zoom room", "meetingUrl")]
    [InlineData("a script URL", "javascript:alert(1)", "meetingUrl")]
    [InlineData("validity too short", null, "validityDays", 3)]
    [InlineData("validity over a year", null, "validityDays", 400)]
    public async Task Bad_listing_terms_are_rejected_and_nothing_is_saved(string what, string? meetingUrl, string field, int validityDays = 90)
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var problem = await (await coach.Client.PostAsJsonAsync("/api/matching/coach/listings", Package(validityDays, meetingUrl)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.FieldErrors().ShouldContainKey(field, what);
        (await coach.Client.GetJsonAsync<List<JsonElement>>("/api/matching/coach/listings")).ShouldBeEmpty(what);
    }

    [Fact]
    public async Task The_listings_page_saves_the_terms_and_shows_a_bad_meeting_link_as_a_form_error()
    {
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.PutAsJsonAsync("/api/matching/coach/profile", Fixtures.Profile())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Three mocks", ["Input.Kind"] = "Package", ["Input.Sessions"] = "3", ["Input.SessionMinutes"] = "60",
            ["Input.Price"] = "300", ["Input.Currency"] = "USD", ["Input.ValidityDays"] = "45", ["Input.Meeting"] = "own", ["Input.MeetingUrl"] = "http://meet.example.com/x",
        };
        var bad = await coach.Client.SubmitFormAsync(await coach.Client.GetPageAsync("/coach/listings"), "#listing-form", form);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Give a meeting link that starts with https://.");
        (await coach.Client.GetJsonAsync<List<JsonElement>>("/api/matching/coach/listings")).ShouldBeEmpty();

        form["Input.MeetingUrl"] = "https://meet.example.com/x";
        await coach.Client.SubmitFormAsync(await coach.Client.GetPageAsync("/coach/listings"), "#listing-form", form);
        var listing = (await coach.Client.GetJsonAsync<List<JsonElement>>("/api/matching/coach/listings")).ShouldHaveSingleItem();
        listing.GetProperty("validityDays").GetInt32().ShouldBe(45);
        listing.GetProperty("meetingUrl").GetString().ShouldBe("https://meet.example.com/x");
    }
}
