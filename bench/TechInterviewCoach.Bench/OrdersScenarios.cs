using System.Text;
using Npgsql;

namespace TechInterviewCoach.Bench;

/// <summary>
/// Webhook ingestion (issue 6): N pending orders; a signed checkout.session.completed per order, each delivered three
/// times concurrently, as Stripe's retries can. Figures: events/s accepted (verified and stored), events/s applied (until
/// no stored event is pending), and the duplicate check: exactly N paid orders and exactly N "order paid" emails.
/// Then (issue 17) the latency: another event per order for BENCH_SECONDS, offered at a steady 200 events/s (open loop),
/// and the time from each event's receipt (its received_at) to its order shown paid (paid_at), both the host's clock.
/// </summary>
public sealed class WebhookIngestion(int orders) : Scenario
{
    private const string Secret = "whsec_bench_0123456789";
    public override string Name => "webhooks-3x";
    public override IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string> { ["Stripe:WebhookSecret"] = Secret };

    private const int LatencyRate = 200;
    private static int LatencyOrders => (int)(LatencyRate * Duration.TotalSeconds);

    public override async Task SetupAsync(BenchContext context)
    {
        var (_, coach) = await context.SignedInClientAsync("coach", "Bench Coach");
        var (_, coachee) = await context.SignedInClientAsync("coachee", "Bench Coachee");
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO orders.orders (id, coach_id, coachee_id, listing_id, listing_title, sessions, session_minutes, currency, gross_minor,
                platform_fee_minor, coach_net_minor, refunded_minor, state, idempotency_key, destination_account_id, checkout_session_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), @coach, @coachee, gen_random_uuid(), 'Mock interview', 1, 60, 'USD', 10000, 1500, 8500, 0, 0,
                   'bench-' || g, 'acct_bench', 'cs_bench_' || g, now(), now(), gen_random_uuid()
            FROM generate_series(1, {orders + LatencyOrders}) g
            """, conn);
        cmd.Parameters.AddWithValue("coach", coach);
        cmd.Parameters.AddWithValue("coachee", coachee);
        await cmd.ExecuteNonQueryAsync();
        var ids = new List<(Guid Id, string Session)>();
        await using (var read = new NpgsqlCommand("SELECT id, checkout_session_id FROM orders.orders ORDER BY idempotency_key", conn))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids.Add((reader.GetGuid(0), reader.GetString(1)));
        context.State["orders"] = ids.Take(orders).ToList();
        context.State["latency"] = ids.Skip(orders).ToList();
    }

    private static string Event(Guid orderId, string sessionId, int n, string run = "bench") => System.Text.Json.JsonSerializer.Serialize(new
    {
        id = $"evt_{run}_{n}", @object = "event", api_version = Stripe.StripeConfiguration.ApiVersion, created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        livemode = false, type = "checkout.session.completed",
        data = new
        {
            @object = new
            {
                id = sessionId, @object = "checkout.session", mode = "payment", payment_status = "paid", status = "complete",
                amount_total = 10000, currency = "usd", payment_intent = $"pi_{run}_{n}", metadata = new { order_id = orderId.ToString() },
            },
        },
    });

    private static string Sign(string body) => Stripe.EventUtility.GenerateSignatureHeader(body, Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var ids = (List<(Guid Id, string Session)>)context.State["orders"];
        var deliveries = ids.SelectMany((o, n) => Enumerable.Repeat((Body: Event(o.Id, o.Session, n), n), 3))
            .OrderBy(_ => Random.Shared.Next()).ToArray();
        var client = context.NewClient();
        var latencies = new double[deliveries.Length];
        var failures = 0;
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < deliveries.Length)
            {
                var body = deliveries[i].Body;
                using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Stripe-Signature", Sign(body));
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var response = await client.SendAsync(request);
                latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }));
        var accepted = clock.Elapsed.TotalSeconds;

        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        async Task<long> Count(string sql) { await using var c = new NpgsqlCommand(sql, conn); return Convert.ToInt64(await c.ExecuteScalarAsync()); }
        while (await Count("SELECT count(*) FROM orders.stripe_events WHERE status = 0") > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(100);
        var applied = clock.Elapsed.TotalSeconds;
        var events = await Count("SELECT count(*) FROM orders.stripe_events");
        var paid = await Count("SELECT count(*) FROM orders.orders WHERE state = 2");
        var emails = await Count("SELECT count(*) FROM platform.outbox_messages WHERE type LIKE '%SendEmail' AND payload LIKE '%order_paid_coachee%'");
        var sorted = latencies.Order().ToArray();
        var ok = events == ids.Count && paid == ids.Count && emails == ids.Count;
        var latency = await LatencyAsync(context, client, conn);
        return
        [
            new(Name, "POST /webhooks/stripe (verify + store)", deliveries.Length / accepted, Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.99), context.Host.RssMiB(),
                $"{ids.Count:N0} events × 3 deliveries, 32 concurrent, {failures} non-2xx", Anchor.RawInsert),
            new(Name, "events applied", ids.Count / applied, null, null, null,
                $"{events} stored, {paid} orders paid, {emails} order-paid emails: {(ok ? "zero duplicate effects" : "MISMATCH")}", Anchor.RawInsert),
            latency,
        ];
    }

    /// <summary>One event per latency order at a steady <see cref="LatencyRate"/>/s, each delivered once; receipt → paid per event.</summary>
    private async Task<Result> LatencyAsync(BenchContext context, HttpClient client, NpgsqlConnection conn)
    {
        var ids = (List<(Guid Id, string Session)>)context.State["latency"];
        var failures = 0;
        var sends = new List<Task>(ids.Count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < ids.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / LatencyRate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var body = Event(ids[i].Id, ids[i].Session, i, "lat");
            sends.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Stripe-Signature", Sign(body));
                try { if (!(await client.SendAsync(request)).IsSuccessStatusCode) Interlocked.Increment(ref failures); }
                catch (HttpRequestException) { Interlocked.Increment(ref failures); }
            }));
        }
        await Task.WhenAll(sends);
        var offered = ids.Count / clock.Elapsed.TotalSeconds;
        async Task<long> Count(string sql) { await using var c = new NpgsqlCommand(sql, conn); return Convert.ToInt64(await c.ExecuteScalarAsync()); }
        while (await Count("SELECT count(*) FROM orders.stripe_events WHERE status = 0") > 0 && clock.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(100);
        await using var query = new NpgsqlCommand("""
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY lag), percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag)
            FROM (SELECT extract(epoch FROM o.paid_at - e.received_at) * 1000 AS lag
                  FROM orders.stripe_events e JOIN orders.orders o ON o.payment_intent_id = 'pi_lat_' || substring(e.id FROM 9)
                  WHERE e.id LIKE 'evt_lat_%' AND o.state = 2) x
            """, conn);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        var paid = reader.GetInt64(0);
        double? At(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i));
        var (p50, p99, max) = (At(1), At(2), At(3));
        return new(Name, $"receipt → order paid at {LatencyRate} events/s", offered, p50, p99, context.Host.RssMiB(),
            $"{ids.Count:N0} events offered open-loop at {offered:0} /s, each once, {failures} failed, {paid} orders paid; max {max:0} ms (received_at → paid_at, host clock)", Anchor.None);
    }
}

/// <summary>The admin order list over 100,000 orders, each filter on its own (issue 6: p50 ≤ 50 ms; issue 17: p50 ≤ 10 ms).</summary>
public sealed class AdminOrderList(int orders) : Scenario
{
    public override string Name => $"admin-orders-{orders / 1000}k";

    private const int LatencyRate = 200;
    private static int LatencyOrders => (int)(LatencyRate * Duration.TotalSeconds);

    public override async Task SetupAsync(BenchContext context)
    {
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"""
            CREATE TEMP TABLE coaches AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, 500) g;
            CREATE TEMP TABLE coachees AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, 5000) g;
            INSERT INTO identity.users (id, display_name, display_name_edited, time_zone, roles, status, security_stamp, created_at, onboarded_at, analytics_opt_out, is_demo)
              SELECT id, 'Coach ' || g, false, 'UTC', 'coach', 0, md5(g::text), now(), now(), false, false FROM coaches
              UNION ALL SELECT id, 'Coachee ' || g, false, 'UTC', 'coachee', 0, md5(g::text), now(), now(), false, false FROM coachees;
            INSERT INTO orders.orders (id, coach_id, coachee_id, listing_id, listing_title, sessions, session_minutes, currency, gross_minor,
                platform_fee_minor, coach_net_minor, refunded_minor, state, idempotency_key, destination_account_id, checkout_session_id,
                payment_intent_id, charge_id, created_at, updated_at, paid_at, version)
            SELECT gen_random_uuid(), (SELECT id FROM coaches WHERE coaches.g = 1 + o % 500), (SELECT id FROM coachees WHERE coachees.g = 1 + o % 5000),
                   gen_random_uuid(), 'Mock interview', 1 + o % 5, 60, 'USD', 5000 + (o % 60) * 1000, (5000 + (o % 60) * 1000) * 15 / 100,
                   (5000 + (o % 60) * 1000) * 85 / 100, 0, (ARRAY[2,2,2,2,3,4,5,7,8,0])[1 + o % 10], 'k' || o, 'acct_' || (o % 500),
                   'cs_' || md5(o::text), 'pi_' || md5('pi' || o::text), 'ch_' || md5('ch' || o::text),
                   now() - (o % 365) * interval '1 day' - (o % 1440) * interval '1 minute', now(), now(), gen_random_uuid()
            FROM generate_series(1, {orders}) o;
            ANALYZE;
            """, conn) { CommandTimeout = 600 })
            await cmd.ExecuteNonQueryAsync();
        await using (var pick = new NpgsqlCommand("SELECT coach_id::text, id::text, payment_intent_id, coachee_id::text FROM orders.orders ORDER BY created_at LIMIT 1 OFFSET 5000", conn))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            context.State["coach"] = reader.GetString(0);
            context.State["order"] = reader.GetString(1);
            context.State["pi"] = reader.GetString(2);
            context.State["coachee"] = reader.GetString(3);
        }
        context.State["admin"] = (await context.SignedInClientAsync("admin", "Bench Admin")).Client;
    }

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var admin = (HttpClient)context.State["admin"];
        var from = DateTime.UtcNow.AddDays(-90).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd");
        var queries = new (string Label, string Query)[]
        {
            ("no filter, page 1", "pageSize=50"),
            ("state + date range", $"state=Paid&from={from}&to={to}&pageSize=50"),
            ("one coach", $"coachId={context.State["coach"]}&pageSize=50"),
            ("one coachee", $"coacheeId={context.State["coachee"]}&pageSize=50"),
            ("currency", "currency=USD&pageSize=50"),
            ("state only", "state=Refunded&pageSize=50"),
            ("amount range", "minAmountMinor=20000&maxAmountMinor=30000&pageSize=50"),
            ("search by order id", $"q={context.State["order"]}"),
            ("search by pi_ id", $"q={context.State["pi"]}"),
            ("search by name", "q=Coachee%204321"),
            ("page 200", "page=200&pageSize=50"),
        };
        var results = new List<Result>();
        foreach (var (label, query) in queries)
        {
            var figures = await Load.RunAsync(TimeSpan.FromSeconds(Math.Max(5, Duration.TotalSeconds / 3)), 4,
                async _ => (await admin.GetAsync($"api/orders/admin/orders?{query}")).IsSuccessStatusCode, TimeSpan.FromSeconds(1));
            results.Add(new(Name, $"GET admin/orders: {label}", figures.Rps, figures.P50Ms, figures.P99Ms, context.Host.RssMiB(),
                $"{orders:N0} orders, 4 concurrent, {figures.Requests} requests, {figures.Failures} failed"));
        }
        return results;
    }
}
