using System.Web;

namespace TechInterviewCoach.Identity.Tests;

/// <summary>The LinkedIn sign-in over real HTTP against a local stand-in of LinkedIn's token and userinfo endpoints.</summary>
public sealed class LinkedInSignInTests : IClassFixture<IdentityApp>
{
    private readonly IdentityApp _app;

    public LinkedInSignInTests(IdentityApp app)
    {
        _app = app;
        _app.LinkedIn.Reset();
    }

    [Fact]
    public async Task Signing_in_with_LinkedIn_the_first_time_creates_the_account_and_sends_the_person_to_onboarding()
    {
        var client = _app.CreateHttpsClient();
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Nia Okoye", "nia@example.test");

        // 1. The challenge: a redirect to LinkedIn's authorize endpoint with client id, redirect URI, scopes and state.
        var challenge = await LinkedInFlow.StartAsync(client, "/settings");
        challenge.Authorize.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(_app.LinkedIn.Server.BaseAddress, "oauth/v2/authorization").ToString());
        challenge.Query["client_id"].ShouldBe("client-abc");
        challenge.Query["redirect_uri"].ShouldBe("https://localhost/signin-linkedin");
        challenge.Query["response_type"].ShouldBe("code");
        challenge.Query["scope"].Split(' ').ShouldBe(["openid", "profile", "email"], ignoreOrder: true);
        challenge.Query["state"].ShouldNotBeNullOrWhiteSpace();

        // 2. LinkedIn sends the browser back with a code and the state.
        var callback = await LinkedInFlow.CallbackAsync(client, $"code=the-code&state={Uri.EscapeDataString(challenge.Query["state"])}");
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.ToString().ShouldStartWith("/signin/complete");

        // 3. The app exchanged the code at the token endpoint, then read user info with the access token.
        var token = _app.LinkedIn.Server.RequestsTo("POST", "/oauth/v2/accessToken").ShouldHaveSingleItem();
        var form = HttpUtility.ParseQueryString(token.Body);
        form["grant_type"].ShouldBe("authorization_code");
        form["code"].ShouldBe("the-code");
        form["redirect_uri"].ShouldBe("https://localhost/signin-linkedin");
        form["client_id"].ShouldBe("client-abc");
        form["client_secret"].ShouldBe("secret-xyz");
        var userInfo = _app.LinkedIn.Server.RequestsTo("GET", "/v2/userinfo").ShouldHaveSingleItem();
        userInfo.Header("Authorization").ShouldBe("Bearer at-" + sub);

        // 4. The account exists, the person is signed in, and onboarding comes first.
        var complete = await client.GetAsync(callback.Headers.Location);
        complete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        complete.Headers.Location!.ToString().ShouldBe("/onboarding?returnUrl=%2Fsettings");
        var user = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LinkedInSub == sub));
        user.DisplayName.ShouldBe("Nia Okoye");
        user.Email.ShouldBe("nia@example.test");
        user.PictureUrl.ShouldBe($"https://media.licdn.example/p/{sub}.jpg");
        user.OnboardedAt.ShouldBeNull();
        user.RoleList.ShouldBeEmpty();
        var me = await client.GetJsonAsync<JsonElement>("/api/identity/me");
        me.GetProperty("id").GetGuid().ShouldBe(user.Id);
        // The short-lived external cookie is gone once the app cookie is issued.
        complete.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("tic.external=;"));
        _app.Logs.AllText.ShouldNotContain("nia@example.test");
    }

    [Fact]
    public async Task Signing_in_again_with_the_same_LinkedIn_id_reaches_the_same_account_and_takes_a_changed_email()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Omar Haddad", "omar@old.test");
        (await LinkedInFlow.SignInAsync(_app.CreateHttpsClient())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LinkedInSub == sub));

        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Omar Haddad", "omar@new.test");
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(client);

        var users = await _app.InIdentityAsync(db => db.Users.AsNoTracking().Where(u => u.LinkedInSub == sub).ToListAsync());
        users.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        users[0].Email.ShouldBe("omar@new.test");
        (await client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("id").GetGuid().ShouldBe(first.Id);
    }

    [Fact]
    public async Task A_new_LinkedIn_picture_shows_at_once_in_the_summary_of_a_session_already_open()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Pia Holm", "pia@example.test");
        var laptop = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(laptop);
        (await laptop.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("pictureUrl").GetString().ShouldBe($"https://media.licdn.example/p/{sub}.jpg");

        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Pia Holm", "pia@example.test");
        _app.LinkedIn.UserInfo["picture"] = "https://media.licdn.example/p/new.jpg";
        await LinkedInFlow.SignInAsync(_app.CreateHttpsClient());

        (await laptop.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("pictureUrl").GetString().ShouldBe("https://media.licdn.example/p/new.jpg");
    }

    [Fact]
    public async Task A_name_corrected_in_settings_is_not_overwritten_by_the_next_LinkedIn_sign_in()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Jon Smyth", "jon@example.test");
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(client);
        (await client.PostAsJsonAsync("/api/identity/onboarding", new { role = Roles.Coachee, confirmAge = true, acceptTerms = true })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/identity/settings", new { displayName = "Jon Smith", timeZone = "Europe/Dublin" })).EnsureSuccessStatusCode();

        await LinkedInFlow.SignInAsync(_app.CreateHttpsClient());

        var user = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LinkedInSub == sub));
        user.DisplayName.ShouldBe("Jon Smith");
    }

    [Fact]
    public async Task An_email_listed_in_Admin_Emails_gets_the_admin_role_whatever_its_case()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Big Boss", "boss@EXAMPLE.test");
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(client);
        (await client.PostAsJsonAsync("/api/identity/onboarding", new { role = Roles.Coach, confirmAge = true, acceptTerms = true })).EnsureSuccessStatusCode();

        var me = await client.GetJsonAsync<JsonElement>("/api/identity/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Admin, Roles.Coach], ignoreOrder: true);
        (await client.GetAsync("/api/identity/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancelling_at_LinkedIn_shows_a_friendly_page_and_creates_no_account()
    {
        var before = await _app.CountUsersAsync();
        var client = _app.CreateHttpsClient();
        var challenge = await LinkedInFlow.StartAsync(client);
        var callback = await LinkedInFlow.CallbackAsync(client,
            $"error=access_denied&error_description=The+user+cancelled&state={Uri.EscapeDataString(challenge.Query["state"])}");

        (await LinkedInFlow.FailureReasonAsync(client, callback)).ShouldBe("cancelled");
        var page = await client.GetPageAsync("/signin/failed?reason=cancelled");
        page.QuerySelector("h1")!.TextContent.ShouldContain("cancelled");
        _app.LinkedIn.Server.Requests.ShouldBeEmpty();
        (await _app.CountUsersAsync()).ShouldBe(before);
        (await client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_state_shows_the_sign_in_expired_page_and_never_calls_LinkedIn()
    {
        var before = await _app.CountUsersAsync();
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.StartAsync(client);
        var callback = await LinkedInFlow.CallbackAsync(client, "code=c&state=forged-state");

        (await LinkedInFlow.FailureReasonAsync(client, callback)).ShouldBe("expired");
        _app.LinkedIn.Server.Requests.ShouldBeEmpty();
        (await _app.CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_state_from_another_browser_fails_the_correlation_check_and_shows_the_expired_page()
    {
        var before = await _app.CountUsersAsync();
        var challenge = await LinkedInFlow.StartAsync(_app.CreateHttpsClient());
        var otherBrowser = _app.CreateHttpsClient();
        var callback = await LinkedInFlow.CallbackAsync(otherBrowser, $"code=c&state={Uri.EscapeDataString(challenge.Query["state"])}");

        (await LinkedInFlow.FailureReasonAsync(otherBrowser, callback)).ShouldBe("expired");
        _app.LinkedIn.Server.Requests.ShouldBeEmpty();
        (await _app.CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_failing_token_endpoint_shows_that_LinkedIn_did_not_answer_and_creates_no_account()
    {
        var before = await _app.CountUsersAsync();
        _app.LinkedIn.TokenStatus = HttpStatusCode.InternalServerError;
        var client = _app.CreateHttpsClient();
        var challenge = await LinkedInFlow.StartAsync(client);
        var callback = await LinkedInFlow.CallbackAsync(client, $"code=c&state={Uri.EscapeDataString(challenge.Query["state"])}");

        (await LinkedInFlow.FailureReasonAsync(client, callback)).ShouldBe("linkedin_unavailable");
        _app.LinkedIn.Server.RequestsTo("POST", "/oauth/v2/accessToken").ShouldHaveSingleItem();
        _app.LinkedIn.Server.RequestsTo("GET", "/v2/userinfo").ShouldBeEmpty();
        (await _app.CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_failing_userinfo_endpoint_shows_that_LinkedIn_did_not_answer_and_creates_no_account()
    {
        var before = await _app.CountUsersAsync();
        _app.LinkedIn.UserInfoStatus = HttpStatusCode.InternalServerError;
        var client = _app.CreateHttpsClient();
        var challenge = await LinkedInFlow.StartAsync(client);
        var callback = await LinkedInFlow.CallbackAsync(client, $"code=c&state={Uri.EscapeDataString(challenge.Query["state"])}");

        (await LinkedInFlow.FailureReasonAsync(client, callback)).ShouldBe("linkedin_unavailable");
        (await _app.CountUsersAsync()).ShouldBe(before);
        (await client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Userinfo_without_an_email_says_LinkedIn_did_not_share_one_and_creates_no_account()
    {
        var before = await _app.CountUsersAsync();
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person("sub-" + Guid.NewGuid().ToString("N"), "No Mail", null);
        var client = _app.CreateHttpsClient();
        var challenge = await LinkedInFlow.StartAsync(client);
        var callback = await LinkedInFlow.CallbackAsync(client, $"code=c&state={Uri.EscapeDataString(challenge.Query["state"])}");

        (await LinkedInFlow.FailureReasonAsync(client, callback)).ShouldBe("no_email");
        var page = await client.GetPageAsync("/signin/failed?reason=no_email");
        page.QuerySelector("h1")!.TextContent.ShouldContain("did not share an email");
        (await _app.CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Ivy Lee", "ivy@example.test");
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(client);
        (await client.PostAsJsonAsync("/api/identity/onboarding", new { role = Roles.Coachee, confirmAge = true, acceptTerms = true })).EnsureSuccessStatusCode();

        var complete = await LinkedInFlow.SignInAsync(client, "//evil.example/steal");
        complete.Headers.Location!.ToString().ShouldBe("/home"); // the start page, not another site and not the marketing page
    }

    [Fact]
    public async Task A_suspended_person_cannot_sign_in_with_LinkedIn()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Sam Suspended", "sam@example.test");
        await LinkedInFlow.SignInAsync(_app.CreateHttpsClient());
        await _app.InIdentityAsync(db => db.Users.Where(u => u.LinkedInSub == sub).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UserStatus.Suspended)));

        var client = _app.CreateHttpsClient();
        var complete = await LinkedInFlow.SignInAsync(client);
        complete.Headers.Location!.ToString().ShouldBe("/signin/failed?reason=account_suspended");
        (await client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_deleting_the_account_LinkedIn_sign_in_with_the_same_id_creates_a_new_empty_account()
    {
        var sub = "sub-" + Guid.NewGuid().ToString("N");
        _app.LinkedIn.UserInfo = LinkedInStandIn.Person(sub, "Dee Parted", "dee@example.test");
        var client = _app.CreateHttpsClient();
        await LinkedInFlow.SignInAsync(client);
        (await client.PostAsJsonAsync("/api/identity/onboarding", new { role = Roles.Coachee, confirmAge = true, acceptTerms = true })).EnsureSuccessStatusCode();
        var oldId = (await client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync("/api/identity/account/delete", new { confirm = "DELETE" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var again = _app.CreateHttpsClient();
        var complete = await LinkedInFlow.SignInAsync(again);
        complete.Headers.Location!.ToString().ShouldStartWith("/onboarding");
        var fresh = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LinkedInSub == sub));
        fresh.Id.ShouldNotBe(oldId);
        fresh.OnboardedAt.ShouldBeNull();
        fresh.RoleList.ShouldBeEmpty();
        var old = await _app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == oldId));
        old.Status.ShouldBe(UserStatus.Deleted);
    }
}
