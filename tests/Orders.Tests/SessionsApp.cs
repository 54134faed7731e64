using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.Integrations.Contracts;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The Orders app with emails really sent, to a Resend stand-in that records each request (the .ics invites ride along).</summary>
public class SessionsApp : OrdersApp
{
    public StandIn Resend { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Resend = await StandIn.StartAsync(app => app.MapPost("/emails", () => Results.Json(new { id = Guid.NewGuid().ToString() })));
        await base.InitializeAsync();
        Settings["Resend:ApiKey"] = "re_test_sessions";
        Settings["Resend:ApiBase"] = Resend.BaseAddress.ToString().TrimEnd('/');
        Settings["Email:From"] = "techinterview.coach <sessions@example.test>";
        Settings["Orders:SessionSweepInterval"] = "1.00:00:00"; // the tests run the sweeps themselves
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Resend.DisposeAsync();
    }

    /// <summary>A payable coach in Berlin with a package listing; a coachee in New York who paid for it without choosing times.</summary>
    public async Task<(TestUser Coach, TestUser Buyer, Guid OrderId)> PaidPackageAsync(int sessions = 3, long priceMinor = 30000, string buyerZone = "America/New_York",
        int? validityDays = null, string? meetingUrl = null)
    {
        var coach = await CreateUserAsync(Roles.Coach, "Berta Coach", $"coach-{Guid.NewGuid():N}@example.test", "Europe/Berlin");
        (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).EnsureSuccessStatusCode();
        (await coach.Client.PostAsync("/api/orders/payouts/refresh", null)).EnsureSuccessStatusCode();
        var listing = Matching.AddListing(coach.Id, priceMinor: priceMinor, sessions: sessions, validityDays: validityDays, meetingUrl: meetingUrl);
        var buyer = await CreateUserAsync(Roles.Coachee, "Nora Coachee", $"coachee-{Guid.NewGuid():N}@example.test", buyerZone);
        var response = await CheckoutAsync(buyer, listing.ListingId, []);
        var orderId = (await response.ReadJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid();
        (await DeliverAsync(Events.Checkout("checkout.session.completed", orderId))).EnsureSuccessStatusCode();
        await WaitForEventsAsync();
        return (coach, buyer, orderId);
    }

    /// <summary>Free slot starts (UTC) of the order's coach in the week of <paramref name="week"/> (null: the first week with free times).</summary>
    public static async Task<List<DateTime>> FreeAsync(TestUser viewer, Guid orderId, DateOnly? week = null, Guid? sessionId = null)
    {
        var url = $"/api/orders/{orderId}/free-week?" + (week is { } w ? $"week={w:yyyy-MM-dd}&" : "") + (sessionId is { } s ? $"sessionId={s}" : "");
        var body = await viewer.Client.GetJsonAsync<JsonElement>(url);
        return body.GetProperty("week").GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray().Select(x => x.GetProperty("startsAt").GetDateTime().ToUniversalTime())).ToList();
    }

    public static Task<HttpResponseMessage> BookAsync(TestUser buyer, Guid orderId, DateTime startsAt) =>
        buyer.Client.PostAsJsonAsync($"/api/orders/{orderId}/sessions", new { startsAt });

    public static Task<HttpResponseMessage> RescheduleAsync(TestUser who, Guid sessionId, DateTime startsAt) =>
        who.Client.PostAsJsonAsync($"/api/orders/sessions/{sessionId}/reschedule", new { startsAt });

    public async Task<Guid> BookedAsync(TestUser buyer, Guid orderId, DateTime startsAt)
    {
        var body = await (await BookAsync(buyer, orderId, startsAt)).ReadJsonAsync<JsonElement>();
        return body.GetProperty("sessionId").GetGuid();
    }

    /// <summary>Moves a session's time directly in the database (to put it inside the notice without waiting a day).</summary>
    internal Task MoveInDatabaseAsync(Guid sessionId, DateTime startsAt) => Db(async db =>
    {
        var b = await db.Bookings.SingleAsync(x => x.Id == sessionId);
        b.StartsAt = startsAt;
        b.EndsAt = startsAt.AddHours(1);
        return await db.SaveChangesAsync();
    });
}

/// <summary>A <see cref="SessionsApp"/> whose clock the test moves (reminders, expiry).</summary>
public sealed class ClockedSessionsApp : SessionsApp
{
    public ClockedSessionsApp() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    public FakeTimeProvider Time => Clock!;
}
