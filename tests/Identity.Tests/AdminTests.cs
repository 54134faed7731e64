namespace TechInterviewCoach.Identity.Tests;

public sealed class AdminTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    public static readonly TheoryData<string> AdminPages = new() { "/admin/users", "/admin/users?search=x&role=coach&status=Active" };

    /// <summary>Every admin API: method and path ({id} is replaced with a real person's id).</summary>
    public static readonly TheoryData<string, string> AdminApis = new()
    {
        { "GET", "/api/identity/admin/users" },
        { "POST", "/api/identity/admin/users/{id}/suspend" },
        { "POST", "/api/identity/admin/users/{id}/unsuspend" },
        { "POST", "/api/identity/admin/users/{id}/admin" },
        { "DELETE", "/api/identity/admin/users/{id}/admin" },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_pages_are_forbidden_to_coaches_and_coachees_and_send_visitors_to_sign_in(string url)
    {
        foreach (var role in new[] { Roles.Coach, Roles.Coachee })
        {
            var person = await app.CreateUserAsync(role);
            var response = await person.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
            response.Headers.Location!.ToString().ShouldContain("/forbidden");
            (await person.Client.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        var anonymous = await app.CreateHttpsClient().GetAsync(url);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/signin?ReturnUrl=");
    }

    [Theory]
    [MemberData(nameof(AdminApis))]
    public async Task Admin_APIs_answer_403_to_coaches_and_coachees_and_401_to_visitors(string method, string path)
    {
        var target = await app.CreateUserAsync(Roles.Coachee);
        var url = path.Replace("{id}", target.Id.ToString());
        foreach (var role in new[] { Roles.Coach, Roles.Coachee })
        {
            var person = await app.CreateUserAsync(role);
            await (await person.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        await (await app.CreateHttpsClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        var user = await app.InIdentityAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        user.Status.ShouldBe(UserStatus.Active);
        user.RoleList.ShouldBe([Roles.Coachee]);
    }

    [Fact]
    public async Task A_suspended_person_is_signed_out_at_once_and_cannot_sign_in_until_the_suspension_is_lifted()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var coachee = await app.CreateUserAsync(Roles.Coachee, "Tess Trouble", "tess@example.test");
        (await coachee.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.Client.PostAsync($"/api/identity/admin/users/{coachee.Id}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await coachee.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.CreateHttpsClient().PostAsJsonAsync("/api/dev/signin", new { userId = coachee.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account_unavailable");
        (await app.OutboxAsync(".UserSuspensionChanged")).ShouldContain(m => m.Payload.Contains(coachee.Id.ToString()) && m.Payload.Contains("true"));
        var summary = await app.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new TechInterviewCoach.Identity.Contracts.GetUserSummary(coachee.Id)));
        summary!.IsSuspended.ShouldBeTrue();

        (await admin.Client.PostAsync($"/api/identity/admin/users/{coachee.Id}/unsuspend", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = app.CreateHttpsClient();
        await again.SignInAsAsync(coachee.Id);
        (await again.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.OutboxAsync(".UserSuspensionChanged")).Count(m => m.Payload.Contains(coachee.Id.ToString())).ShouldBe(2);
    }

    [Fact]
    public async Task An_admin_suspends_from_the_people_page_after_finding_the_person()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var coach = await app.CreateUserAsync(Roles.Coach, "Zed Findme", "zed.findme@example.test");
        var other = await app.CreateUserAsync(Roles.Coachee, "Other Person");

        var page = await admin.Client.GetPageAsync("/admin/users?search=FINDME&role=coach");
        var rows = page.QuerySelectorAll("[data-testid=admin-users-table] tbody tr");
        rows.Select(r => r.GetAttribute("data-user-id")).ShouldBe([coach.Id.ToString()]);

        var answer = await admin.Client.SubmitFormAsync(page, $"form:has([data-testid=suspend-{coach.Id}])");
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coach.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await other.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var suspended = await admin.Client.GetJsonAsync<JsonElement>("/api/identity/admin/users?status=Suspended");
        suspended.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ShouldContain(coach.Id);
        suspended.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ShouldNotContain(other.Id);
    }

    [Fact]
    public async Task An_admin_grants_and_revokes_the_admin_role_but_not_their_own()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var coach = await app.CreateUserAsync(Roles.Coach);
        (await coach.Client.GetAsync("/api/identity/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.Client.PostAsync($"/api/identity/admin/users/{coach.Id}/admin", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coach.Client.GetAsync("/api/identity/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.Client.DeleteAsync($"/api/identity/admin/users/{coach.Id}/admin")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await coach.Client.GetAsync("/api/identity/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await (await admin.Client.DeleteAsync($"/api/identity/admin/users/{admin.Id}/admin")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cannot_revoke_own_admin");
        await (await admin.Client.PostAsync($"/api/identity/admin/users/{admin.Id}/suspend", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cannot_suspend_self");
    }
}
