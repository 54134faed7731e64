namespace TechInterviewCoach.Identity.Tests;

/// <summary>The admin people search, on PostgreSQL: a name or an email in any case; a role is a whole role; a filter it cannot apply is an error.</summary>
public sealed class AdminPeopleSearchTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static List<Guid> Ids(JsonElement list) => list.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task A_name_or_an_email_is_found_whatever_its_case_and_a_role_filter_matches_the_whole_role()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = await app.CreateUserAsync(Roles.Admin);
        var coach = await app.CreateUserAsync(Roles.Coach, $"Orla Brennan{tag}", $"orla.{tag}@Example.test");
        var coachee = await app.CreateUserAsync(Roles.Coachee, $"Orla Coachee{tag}", $"coachee.{tag}@example.test");

        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search=orla%20BRENNAN{tag}")).ShouldBe([coach.Id]);
        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search=ORLA.{tag}@EXAMPLE.TEST")).ShouldBe([coach.Id]);
        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search={tag}")).ShouldBe([coachee.Id, coach.Id], ignoreOrder: true);
        // "coach" is a part of "coachee": the coach filter must not list coachees.
        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search={tag}&role=coach")).ShouldBe([coach.Id]);
        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search={tag}&role=Coachee")).ShouldBe([coachee.Id]);
        Ids(await admin.Client.GetJsonAsync<JsonElement>($"/api/identity/admin/users?search={tag}&status=active")).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("role=wizard", "role")]
    [InlineData("status=Sleeping", "status")]
    public async Task A_filter_that_is_not_on_the_list_is_a_problem_on_the_api_and_a_form_error_on_the_page(string filter, string field)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await (await admin.Client.GetAsync($"/api/identity/admin/users?{filter}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_filter");

        var page = await admin.Client.GetPageAsync($"/admin/users?{filter}");
        page.QuerySelector("[data-testid=filter-error]")!.TextContent.ShouldContain("There is no " + field);
        page.QuerySelector($"[data-testid=people-{field}]")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector($"[data-testid=people-{field}]")!.GetAttribute("aria-describedby").ShouldBe("filter-error");
        page.QuerySelector("[data-testid=people-count]").ShouldBeNull();
    }

    [Fact]
    public async Task The_filters_offer_the_labels_the_list_shows()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(Roles.Coach, $"Label Coach{tag}");
        var page = await admin.Client.GetPageAsync($"/admin/users?search={tag}");
        var roleOptions = page.QuerySelectorAll("[data-testid=people-role] option").Select(o => o.TextContent.Trim()).ToList();
        var statusOptions = page.QuerySelectorAll("[data-testid=people-status] option").Select(o => o.TextContent.Trim()).ToList();
        var row = page.QuerySelectorAll("[data-testid=admin-users-table] tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        roleOptions.ShouldContain(cells[2]);
        statusOptions.ShouldContain(cells[3]);
        page.QuerySelector("label[for=people-search]")!.TextContent.ShouldBe("Name or email");
    }
}
