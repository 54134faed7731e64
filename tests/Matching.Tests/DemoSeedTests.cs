namespace TechInterviewCoach.Matching.Tests;

public sealed class DemoSeedTests(MatchingApp app) : IClassFixture<MatchingApp>
{
    [Fact]
    public async Task Demo_coaches_get_a_profile_and_listings_and_are_listed_through_their_simulated_payout_accounts_but_the_demo_coachee_gets_no_quiz()
    {
        var coaches = Enumerable.Range(0, 6).Select(i => new DemoUser(Guid.CreateVersion7(), Roles.Coach, i, $"Demo Coach {i}", "Europe/London")).ToList();
        var coachee = new DemoUser(Guid.CreateVersion7(), Roles.Coachee, 0, "Demo Coachee", "Europe/Berlin");
        await app.PublishAsync(new DemoUsersCreated([.. coaches, coachee]));
        await app.PublishAsync(new DemoUsersCreated([.. coaches, coachee])); // seeded once

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MatchingDbContext>();
            (await db.CoachProfiles.CountAsync()).ShouldBe(6);
            var perCoach = await db.Listings.GroupBy(l => l.CoachId).Select(g => g.Count()).ToListAsync();
            perCoach.ShouldAllBe(n => n >= 1 && n <= 3);
            (await db.Listings.Select(l => l.Currency).Distinct().CountAsync()).ShouldBe(3);
            (await db.QuizSubmissions.CountAsync(q => q.UserId == coachee.Id)).ShouldBe(0);
            return true;
        });

        // Orders gives every demo coach a simulated payout account with payouts enabled, so all of them are listed;
        // a coach whose payouts stop is delisted again.
        await app.WaitForOutboxAsync();
        var listed = await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().CoachProfiles.CountAsync(p => p.IsListed));
        listed.ShouldBe(6);
        await app.EnablePayoutsAsync(coaches[1].Id, enabled: false);
        (await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().CoachProfiles.CountAsync(p => p.IsListed))).ShouldBe(5);
        var summary = await app.InScopeAsync(sp => sp.GetRequiredService<MatchingDbContext>().CoachProfiles.SingleOrDefaultAsync(p => p.CoachId == coaches[0].Id));
        summary!.IsListed.ShouldBeTrue();
        summary.Headline.ShouldNotBeEmpty();
    }
}
