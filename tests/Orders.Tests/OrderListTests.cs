using Npgsql;

namespace TechInterviewCoach.Orders.Tests;

/// <summary>The admin order list at scale: its own app, so its ten thousand orders do not show in other tests' lists.</summary>
public sealed class OrderListTests : IAsyncLifetime
{
    private readonly OrdersApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Past_ten_thousand_matches_the_list_says_more_than_ten_thousand_and_still_pages_on()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO orders.orders (id, coach_id, coachee_id, listing_id, listing_title, sessions, session_minutes, currency, gross_minor,
                    platform_fee_minor, coach_net_minor, refunded_minor, state, idempotency_key, destination_account_id, created_at, updated_at, version)
                SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Mock interview', 1, 60, 'USD', 10000, 1500, 8500, 0, 0,
                       'k' || g, 'acct_list', now() - g * interval '1 minute', now(), gen_random_uuid()
                FROM generate_series(1, 10001) g
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        var first = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/orders?pageSize=50");
        first.GetProperty("total").GetInt32().ShouldBe(10_000);
        first.GetProperty("totalIsCapped").GetBoolean().ShouldBeTrue();
        first.GetProperty("items").GetArrayLength().ShouldBe(50);

        // Paging past the horizon still counts far enough to offer the next page, and the last page is exact.
        var last = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/orders?pageSize=100&page=101");
        last.GetProperty("items").GetArrayLength().ShouldBe(1);
        last.GetProperty("total").GetInt32().ShouldBe(10_001);
        last.GetProperty("totalIsCapped").GetBoolean().ShouldBeFalse();

        var page = await admin.Client.GetStringAsync("/admin/orders");
        page.ShouldContain("More than 10,000 order(s)");

        var narrow = await admin.Client.GetJsonAsync<JsonElement>("/api/orders/admin/orders?minAmountMinor=20000");
        narrow.GetProperty("total").GetInt32().ShouldBe(0);
        narrow.GetProperty("totalIsCapped").GetBoolean().ShouldBeFalse();
    }
}
