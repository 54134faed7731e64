namespace TechInterviewCoach.Orders.Tests;

/// <summary>The same app on SQLite (the embedded default), where checkouts are serialized instead of constrained.</summary>
public sealed class SqliteOrdersApp : OrdersApp
{
    public SqliteOrdersApp() { Database = TestDatabase.Sqlite; }
}

public sealed class OverlapRacesOnPostgres(OrdersApp app) : OverlapRaces(app), IClassFixture<OrdersApp>;

public sealed class OverlapRacesOnSqlite(SqliteOrdersApp app) : OverlapRaces(app), IClassFixture<SqliteOrdersApp>;

/// <summary>
/// Twenty coachees check out the same coach at once, half one listing and half another, at times that overlap, touch
/// or coincide. Whatever the mix of durations and starts, one coach is never held twice at overlapping times, and times
/// that only touch (one ends as the next begins) are both sold.
/// </summary>
public abstract class OverlapRaces(OrdersApp app)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Listing A (minutes, start as minutes after 08:00 local), listing B likewise, and whether the two overlap.</summary>
    public static TheoryData<int, int, int, int, bool> Mixes => new()
    {
        { 90, 0, 60, 60, true },    // 08:00–09:30 vs 09:00–10:00
        { 90, 0, 60, 0, true },     // same start, different lengths
        { 60, 60, 90, 0, true },    // the same pair, the shorter one bought by the first half
        { 90, 90, 60, 60, true },   // 09:30–11:00 vs 09:00–10:00
        { 30, 30, 90, 0, true },    // 08:30–09:00 inside 08:00–09:30
        { 60, 0, 60, 0, true },     // the same slot of two listings of the same length
        { 90, 90, 60, 180, false }, // 09:30–11:00 and 11:00–12:00 touch
        { 60, 0, 60, 60, false },   // 08:00–09:00 and 09:00–10:00 touch
        { 90, 0, 90, 90, false },   // 08:00–09:30 and 09:30–11:00 touch
        { 30, 0, 90, 180, false },  // far apart
    };

    [Theory]
    [MemberData(nameof(Mixes))]
    public async Task Twenty_racers_over_two_listings_leave_one_holder_per_coach_and_time(int minutesA, int offsetA, int minutesB, int offsetB, bool overlap)
    {
        var coach = await app.PayableCoachAsync();
        var listingA = app.Matching.AddListing(coach.Id, minutes: minutesA);
        var listingB = app.Matching.AddListing(coach.Id, minutes: minutesB);
        var buyers = new List<TestUser>();
        for (var i = 0; i < 20; i++) buyers.Add(await app.CreateUserAsync(Roles.Coachee, $"Racer {i}"));

        var slotsA = await OfferedAsync(buyers[0], listingA.ListingId);
        var slotsB = await OfferedAsync(buyers[0], listingB.ListingId);
        // The first day after the notice period on which both listings offer the chosen local times.
        var day = slotsA.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, Berlin))).Distinct()
            .First(d => slotsA.Contains(At(d, offsetA)) && slotsB.Contains(At(d, offsetB)) && d > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        var startA = At(day, offsetA);
        var startB = At(day, offsetB);

        using var go = new ManualResetEventSlim(false);
        var racers = buyers.Select((b, i) => Task.Run(async () =>
        {
            go.Wait();
            var a = i % 2 == 0;
            return (A: a, Response: await OrdersApp.CheckoutAsync(b, a ? listingA.ListingId : listingB.ListingId, [a ? startA : startB]));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(racers);

        var fiveHundreds = results.Where(r => (int)r.Response.StatusCode >= 500).ToList();
        fiveHundreds.ShouldBeEmpty(string.Join("\n", await Task.WhenAll(fiveHundreds.Select(r => r.Response.Content.ReadAsStringAsync()))));
        var won = results.Where(r => r.Response.StatusCode == HttpStatusCode.OK).ToList();
        foreach (var lost in results.Where(r => r.Response.StatusCode != HttpStatusCode.OK))
            await lost.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_taken");
        if (overlap) won.Count.ShouldBe(1, "overlapping times: exactly one racer holds the coach");
        else
        {
            won.Count(r => r.A).ShouldBe(1, "each of two touching times is sold once");
            won.Count(r => !r.A).ShouldBe(1, "each of two touching times is sold once");
        }

        var held = await app.Db(db => db.Bookings.AsNoTracking()
            .Where(b => b.CoachId == coach.Id && (b.Status == BookingStatus.Held || b.Status == BookingStatus.Booked)).ToListAsync());
        held.Count.ShouldBe(won.Count);
        foreach (var x in held)
        foreach (var y in held.Where(y => y.Id != x.Id))
            (x.StartsAt < y.EndsAt && y.StartsAt < x.EndsAt).ShouldBeFalse($"{x.StartsAt:t}–{x.EndsAt:t} overlaps {y.StartsAt:t}–{y.EndsAt:t}");
    }

    [Fact]
    public async Task After_a_race_an_overlapping_checkout_made_alone_is_refused_and_a_touching_one_succeeds()
    {
        var coach = await app.PayableCoachAsync();
        var ninety = app.Matching.AddListing(coach.Id, minutes: 90);
        var sixty = app.Matching.AddListing(coach.Id, minutes: 60);
        var first = await app.CreateUserAsync(Roles.Coachee, "First");
        var second = await app.CreateUserAsync(Roles.Coachee, "Second");
        var slots90 = await OfferedAsync(first, ninety.ListingId);
        var slots60 = await OfferedAsync(first, sixty.ListingId);
        var day = slots90.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, Berlin))).Distinct()
            .First(d => slots90.Contains(At(d, 0)) && slots60.Contains(At(d, 60)) && slots60.Contains(At(d, 120)) && d > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));

        (await OrdersApp.CheckoutAsync(first, ninety.ListingId, [At(day, 0)])).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await OrdersApp.CheckoutAsync(second, sixty.ListingId, [At(day, 60)])).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slot_taken");
        (await OrdersApp.CheckoutAsync(second, sixty.ListingId, [At(day, 120)])).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static DateTime At(DateOnly day, int minutesAfterEight) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(minutesAfterEight), Berlin);

    private static async Task<HashSet<DateTime>> OfferedAsync(TestUser buyer, Guid listingId)
    {
        var quote = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/checkout/{listingId}");
        return quote.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startsAt").GetDateTime().ToUniversalTime()).ToHashSet();
    }
}
