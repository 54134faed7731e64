using TechInterviewCoach.BuildingBlocks.Outbox;
using TechInterviewCoach.Integrations.Contracts;
using System.Text;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The app on a fresh PostgreSQL database, talking to a local Stripe stand-in, with Matching stood in.</summary>
public class OrdersApp : AppFactory
{
    public const string WebhookSecret = "whsec_test_platform";
    public const string ConnectSecret = "whsec_test_connect";
    public StripeStandIn Stripe { get; private set; } = null!;
    public MatchingStandIn Matching { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Stripe = await StripeStandIn.StartAsync();
        Settings["Stripe:SecretKey"] = "sk_test_orders";
        Settings["Stripe:WebhookSecret"] = WebhookSecret;
        Settings["Stripe:ConnectWebhookSecret"] = ConnectSecret;
        Settings["Stripe:ApiBase"] = Stripe.Server.BaseAddress.ToString();
        Settings["Orders:EventPollInterval"] = "00:00:00.050";
        Settings["Orders:EventRetryBaseDelay"] = "00:00:00.050";
        Settings["Orders:EventRetryMaxDelay"] = "00:00:00.400";
        ConfigureServices = Matching.Register;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    public async Task<TestUser> PayableCoachAsync(string name = "Coach")
    {
        var coach = await CreateUserAsync(Roles.Coach, name, null, "Europe/Berlin");
        (await coach.Client.PostAsync("/api/orders/payouts/onboarding", null)).EnsureSuccessStatusCode();
        (await coach.Client.PostAsync("/api/orders/payouts/refresh", null)).EnsureSuccessStatusCode();
        return coach;
    }

    public async Task<List<DateTime>> SlotsAsync(TestUser buyer, Guid listingId, int count, int skip = 0)
    {
        var quote = await buyer.Client.GetJsonAsync<JsonElement>($"/api/orders/checkout/{listingId}");
        return quote.GetProperty("slots").EnumerateArray().Skip(skip).Take(count).Select(s => s.GetProperty("startsAt").GetDateTime().ToUniversalTime()).ToList();
    }

    public static Task<HttpResponseMessage> CheckoutAsync(TestUser buyer, Guid listingId, IEnumerable<DateTime> slots, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/checkout") { Content = JsonContent.Create(new { listingId, slotStarts = slots }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return buyer.Client.SendAsync(request);
    }

    public async Task<Guid> BuyAsync(TestUser buyer, Guid listingId, int sessions = 1, int skip = 0)
    {
        var response = await CheckoutAsync(buyer, listingId, await SlotsAsync(buyer, listingId, sessions, skip));
        var body = await response.ReadJsonAsync<JsonElement>();
        return body.GetProperty("orderId").GetGuid();
    }

    /// <summary>POSTs a signed event to the webhook endpoint, as Stripe does.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string body, string? signature = null, bool connect = false)
    {
        var client = CreateHttpsClient();
        var request = new HttpRequestMessage(HttpMethod.Post, connect ? "/webhooks/stripe/connect" : "/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? StripeFixtures.Sign(body, connect ? ConnectSecret : WebhookSecret, DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }

    /// <summary>Waits until every stored event is applied (deferred ones included) and the outbox is drained.</summary>
    public async Task WaitForEventsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Db(db => db.StripeEvents.CountAsync(e => e.Status == StripeEventStatus.Pending)) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Stripe events still pending");
            await Task.Delay(25);
        }
        await WaitForOutboxAsync();
    }

    internal Task<T> Db<T>(Func<OrdersDbContext, Task<T>> f) => InScopeAsync(sp => f(sp.GetRequiredService<OrdersDbContext>()));

    /// <summary>The email models written to the outbox for a session or an order.</summary>
    internal async Task<List<SendEmail>> EmailsAsync(Guid id) =>
        (await InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages
            .Where(m => m.Type.EndsWith("SendEmail") && m.Payload.Contains(id.ToString())).OrderBy(m => m.Id).ToListAsync()))
        .Select(m => (SendEmail)m.Deserialize()).ToList();

    /// <summary>Whether the coach's connected account can take payments (charges and payouts enabled), as checkout judges it.</summary>
    internal Task<bool> IsPayableAsync(Guid coachId) => Db(db => db.PayoutAccounts.AnyAsync(a => a.CoachId == coachId && a.ChargesEnabled && a.PayoutsEnabled));

    internal Task<Order> OrderAsync(Guid id) => Db(db => db.Orders.AsNoTracking().Include(o => o.Bookings).Include(o => o.Timeline).Include(o => o.Refunds).SingleAsync(o => o.Id == id));
}
