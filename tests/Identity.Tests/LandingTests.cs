namespace TechInterviewCoach.Identity.Tests;

/// <summary>Where sign-in sends a person: where they were going (app-relative only), else their role's page.</summary>
public sealed class LandingTests
{
    private static User Person(string roles, bool onboarded = true) =>
        new() { Id = Guid.NewGuid(), Roles = roles, OnboardedAt = onboarded ? DateTime.UtcNow : null };

    [Theory]
    [InlineData(Roles.Coachee, null, "/home")]
    [InlineData(Roles.Coach, "/", "/home")]
    [InlineData("coach,admin", null, "/admin")]
    [InlineData(Roles.Admin, "/signin?returnUrl=%2Fadmin", "/admin")]
    [InlineData(Roles.Coachee, "/settings", "/settings")]
    [InlineData(Roles.Coachee, "/orders/1?x=2", "/orders/1?x=2")]
    [InlineData(Roles.Coachee, "//evil.example/steal", "/home")]
    [InlineData(Roles.Coachee, "/\\evil.example", "/home")]
    [InlineData(Roles.Coachee, "https://evil.example/", "/home")]
    [InlineData(Roles.Coachee, "/dev/signin", "/home")]
    public void A_person_lands_where_they_were_going_or_on_their_roles_page(string roles, string? returnUrl, string expected) =>
        Landing.For(Person(roles), returnUrl).ShouldBe(expected);

    [Fact]
    public void A_person_not_onboarded_onboards_first_and_then_goes_on() =>
        Landing.For(Person("", onboarded: false), "/settings").ShouldBe("/onboarding?returnUrl=%2Fsettings");
}
