using Microsoft.Extensions.Time.Testing;
using TechInterviewCoach.Identity.Infrastructure;

namespace TechInterviewCoach.Identity.Tests;

/// <summary>The Identity app on a clock the tests move.</summary>
public sealed class ClockedIdentityApp : IdentityApp
{
    public ClockedIdentityApp()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public FakeTimeProvider FakeClock => Clock!;
}

/// <summary>
/// The per-request session check (docs/decisions/0025-per-request-work.md): an instance trusts a checked session for
/// <see cref="Sessions.RecheckAfter"/>, answers /api/identity/me from what the check read, and forgets the check at once
/// when the account changes on this instance.
/// </summary>
public sealed class SessionCheckTests(ClockedIdentityApp app) : IClassFixture<ClockedIdentityApp>
{
    [Fact]
    public async Task A_session_revoked_on_another_instance_is_refused_once_the_recheck_delay_has_passed()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Rene Vale");
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another instance signs the person out everywhere: the stamp changes in the database, this instance is not told.
        (await app.InIdentityAsync(db => db.Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "rotated-on-another-instance")))).ShouldBe(1);
        app.FakeClock.Advance(Sessions.RecheckAfter - TimeSpan.FromSeconds(1));
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.FakeClock.Advance(TimeSpan.FromSeconds(1));
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await person.Client.GetAsync("/api/identity/settings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_suspended_on_another_instance_is_refused_once_the_recheck_delay_has_passed()
    {
        var person = await app.CreateUserAsync(Roles.Coach, "Sami Lind");
        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.InIdentityAsync(db => db.Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, UserStatus.Suspended)))).ShouldBe(1);
        app.FakeClock.Advance(Sessions.RecheckAfter);

        (await person.Client.GetAsync("/api/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_headline_changed_on_another_instance_shows_in_the_summary_once_the_recheck_delay_has_passed()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Ida Quist");
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);

        // Within the delay the answer is what this instance's session check read: the account is not read again.
        (await app.InIdentityAsync(db => db.Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Headline, "Changed elsewhere")))).ShouldBe(1);
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);

        app.FakeClock.Advance(Sessions.RecheckAfter);
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("headline").GetString().ShouldBe("Changed elsewhere");
    }

    [Fact]
    public async Task A_changed_name_and_headline_show_in_the_summary_at_once()
    {
        var person = await app.CreateUserAsync(Roles.Coachee, "Oda Brun", null, "Europe/Oslo");
        (await person.Client.GetJsonAsync<JsonElement>("/api/identity/me")).GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);

        (await person.Client.PutAsJsonAsync("/api/identity/settings",
            new { displayName = "Oda Brunvoll", headline = "Staff engineer", timeZone = "Europe/Oslo" })).EnsureSuccessStatusCode();

        var me = await person.Client.GetJsonAsync<JsonElement>("/api/identity/me");
        me.GetProperty("displayName").GetString().ShouldBe("Oda Brunvoll");
        me.GetProperty("headline").GetString().ShouldBe("Staff engineer");
    }
}
