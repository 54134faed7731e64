using System.IO.Compression;

namespace TechInterviewCoach.Identity.Tests;

/// <summary>A person sees their own recent sign-ins in Settings, and is emailed when a new browser signs in.</summary>
public sealed class SignInHistoryTests : IClassFixture<IdentityApp>
{
    private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36";
    private const string IPhoneSafari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private readonly IdentityApp _app;

    public SignInHistoryTests(IdentityApp app)
    {
        _app = app;
        _app.LinkedIn.Reset();
    }

    private HttpClient Browser(string userAgent)
    {
        var client = _app.CreateHttpsClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>The payloads of the new-sign-in emails queued for a person.</summary>
    private Task<List<string>> NewSignInEmailsAsync(Guid userId) =>
        _app.InScopeAsync(async sp => (await sp.GetRequiredService<BuildingBlocks.Outbox.PlatformDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type.EndsWith(".SendEmail")).ToListAsync())
            .Select(m => m.Payload)
            .Where(p => p.Contains(EmailTemplates.NewSignIn) && p.Contains(userId.ToString())).ToList());

    [Fact]
    public async Task A_sign_in_from_a_new_browser_is_listed_in_settings_and_emailed_but_the_same_browser_again_is_not()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Sig Inman", "sig@example.test");
        var laptop = Browser(Chrome);
        await LinkedInFlow.SignInAsync(laptop);
        (await laptop.PostAsJsonAsync("/api/identity/onboarding", new { role = "coachee", confirmAge = true, acceptTerms = true, timeZone = "Europe/Paris" }))
            .IsSuccessStatusCode.ShouldBeTrue();
        var user = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LinkedInSub == sub));
        (await NewSignInEmailsAsync(user.Id)).ShouldBeEmpty("the first sign-in of an account is not a new browser");

        await LinkedInFlow.SignInAsync(laptop);
        (await NewSignInEmailsAsync(user.Id)).ShouldBeEmpty("the same browser signing in again is known");

        var phone = Browser(IPhoneSafari);
        await LinkedInFlow.SignInAsync(phone);
        var emails = await NewSignInEmailsAsync(user.Id);
        emails.Count.ShouldBe(1);
        emails[0].ShouldContain("Safari 18");
        emails[0].ShouldContain("iOS (iPhone)");
        emails[0].ShouldNotContain("sig@example.test");

        var list = await laptop.GetFromJsonAsync<List<JsonElement>>("/api/identity/signins");
        list!.Count.ShouldBe(3);
        list[0].GetProperty("browser").GetString().ShouldBe("Safari 18");
        list[0].GetProperty("newBrowser").GetBoolean().ShouldBeTrue();
        list[2].GetProperty("browser").GetString().ShouldBe("Chrome 156");
        list[2].GetProperty("operatingSystem").GetString().ShouldBe("Linux");
        list[2].GetProperty("method").GetString().ShouldBe("linkedin");
        list[0].TryGetProperty("ipAddress", out _).ShouldBeFalse("the full address is never shown");

        var page = await laptop.GetPageAsync("/settings");
        var rows = page.QuerySelectorAll("[data-testid=sign-in]");
        rows.Length.ShouldBe(3);
        rows[0].TextContent.ShouldContain("Safari 18");
        rows[0].TextContent.ShouldContain("new browser");
        rows[2].TextContent.ShouldContain("Chrome 156");
    }

    [Fact]
    public async Task Sign_ins_are_only_ever_shown_to_their_owner()
    {
        var alice = await _app.CreateUserAsync(Roles.Coachee, "Alice Own");
        var bob = await _app.CreateUserAsync(Roles.Coach, "Bob Other");
        var aliceList = await alice.Client.GetFromJsonAsync<List<JsonElement>>("/api/identity/signins");
        var bobList = await bob.Client.GetFromJsonAsync<List<JsonElement>>("/api/identity/signins");
        aliceList!.Count.ShouldBe(1);
        bobList!.Count.ShouldBe(1);
        (await _app.CreateHttpsClient().GetAsync("/api/identity/signins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_ins_are_in_the_export_and_are_removed_with_the_account()
    {
        var person = await _app.CreateUserAsync(Roles.Coachee, "Del Signins", "del@example.test");
        var export = await person.Client.PostAsync("/api/identity/export", null);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync())))
        {
            await using var s = zip.GetEntry("identity.json")!.Open();
            var identity = await JsonSerializer.DeserializeAsync<JsonElement>(s);
            var signIns = identity.GetProperty("signIns");
            signIns.GetArrayLength().ShouldBe(1);
            signIns[0].GetProperty("method").GetString().ShouldBe("development");
        }

        (await person.Client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _app.InIdentityAsync(db => db.SignIns.CountAsync(s => s.UserId == person.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_full_address_is_cleared_after_the_retention_period_and_old_sign_ins_are_deleted()
    {
        var person = await _app.CreateUserAsync(Roles.Coachee, "Ret Ention");
        var now = DateTime.UtcNow;
        await _app.InIdentityAsync(async db =>
        {
            db.SignIns.AddRange(
                new SignInEvent { Id = Guid.CreateVersion7(), UserId = person.Id, OccurredAt = now.AddDays(-31), Method = "linkedin", Browser = "Firefox 140", OperatingSystem = "Windows", Network = "203.0.113.0/24", IpAddress = "203.0.113.9", DeviceHash = "a" },
                new SignInEvent { Id = Guid.CreateVersion7(), UserId = person.Id, OccurredAt = now.AddDays(-2), Method = "linkedin", Browser = "Firefox 140", OperatingSystem = "Windows", Network = "203.0.113.0/24", IpAddress = "203.0.113.10", DeviceHash = "a" },
                new SignInEvent { Id = Guid.CreateVersion7(), UserId = person.Id, OccurredAt = now.AddDays(-200), Method = "linkedin", Browser = "Firefox 120", OperatingSystem = "Windows", Network = "203.0.113.0/24", IpAddress = "203.0.113.11", DeviceHash = "a" });
            return await db.SaveChangesAsync();
        });

        await _app.Services.GetRequiredService<SignInRetention>().RunOnceAsync(CancellationToken.None);

        var rows = await _app.InIdentityAsync(db => db.SignIns.AsNoTracking().Where(s => s.UserId == person.Id && s.Browser.StartsWith("Firefox")).OrderBy(s => s.OccurredAt).ToListAsync());
        rows.Count.ShouldBe(2, "a sign-in older than the history (180 days) is deleted");
        rows[0].IpAddress.ShouldBeNull("older than the address retention (30 days)");
        rows[0].Network.ShouldBe("203.0.113.0/24", "the network stays with the history");
        rows[1].IpAddress.ShouldBe("203.0.113.10");
    }

    [Theory]
    [InlineData("127.0.0.1", "this computer")]
    [InlineData("::1", "this computer")]
    [InlineData("192.168.1.20", "a private network")]
    [InlineData("10.1.2.3", "a private network")]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.4", "198.51.100.0/24")]
    [InlineData("2001:db8:abcd:12::1", "2001:db8:abcd::/48")]
    public void A_sign_in_shows_the_addresss_network_never_the_address(string address, string expected)
    {
        var ip = IPAddress.Parse(address);
        Networks.Describe(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Chrome, "Chrome 156", "Linux")]
    [InlineData(IPhoneSafari, "Safari 18", "iOS (iPhone)")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox 140", "Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.0.0", "Edge 150", "macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Mobile Safari/537.36", "Chrome 150", "Android")]
    [InlineData("", "Unknown browser", "Unknown system")]
    public void A_sign_in_names_the_browser_and_system_people_recognise(string userAgent, string browser, string system)
    {
        UserAgents.Describe(userAgent).ShouldBe((browser, system));
    }
}
