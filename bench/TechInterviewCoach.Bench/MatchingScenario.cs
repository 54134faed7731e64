using System.Net.Http.Json;
using Npgsql;

namespace TechInterviewCoach.Bench;

/// <summary>
/// Ranked matches for one quiz over N listed coaches (issue 4's target at 100,000: p50 ≤ 25 ms, p99 ≤ 100 ms,
/// sustained for a minute of concurrent requests). Coaches are seeded with SQL in the shapes the app writes
/// (profiles, statuses with responsiveness, one published listing each, the snapshot counter bumped), because
/// 100,000 coaches through the API would take longer than the measurement.
/// </summary>
public sealed class MatchingScenario(int coaches) : Scenario
{
    public override string Name => coaches >= 1000 ? $"matching-{coaches / 1000}k" : $"matching-{coaches}";

    /// <summary>N listed coaches named "Bench Coach {g}", headline "Engineer {g}", two of ten companies each (also the directory scenario's data).</summary>
    public static async Task SeedCoachesAsync(string connectionString, int coaches)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var sql = $"""
            CREATE TEMP TABLE bench_coaches AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, {coaches}) g;
            INSERT INTO identity.users (id, display_name, time_zone, roles, status, security_stamp, created_at, onboarded_at, analytics_opt_out, is_demo, display_name_edited)
              SELECT id, 'Bench Coach ' || g, (ARRAY['Europe/Berlin','America/New_York','Asia/Kolkata','Europe/London','America/Los_Angeles','Asia/Singapore'])[1 + g % 6],
                     'coach', 0, md5(g::text), now(), now(), false, false, false FROM bench_coaches;
            INSERT INTO matching.coach_profiles (coach_id, headline, bio, years_of_experience, time_zone, details_json, is_published, is_listed, updated_at)
              SELECT id, 'Engineer ' || g, 'I coach interviews.', 3 + g % 20,
                     (ARRAY['Europe/Berlin','America/New_York','Asia/Kolkata','Europe/London','America/Los_Angeles','Asia/Singapore'])[1 + g % 6],
                     json_build_object(
                       'companies', json_build_array((ARRAY['Google','Meta','Amazon','Microsoft','Stripe','Netflix','Apple','Uber','Airbnb','Shopify'])[1 + g % 10],
                                                     (ARRAY['Google','Meta','Amazon','Microsoft','Stripe','Netflix','Apple','Uber','Airbnb','Shopify'])[1 + (g / 10) % 10]),
                       'roles', json_build_array((ARRAY['backend','frontend','fullstack','mobile','data','ml','sre','security'])[1 + g % 8]),
                       'skills', json_build_array((ARRAY['Go','Java','Python','TypeScript','Kotlin','Swift','Rust','C#'])[1 + g % 8],
                                                  (ARRAY['Kubernetes','PostgreSQL','Kafka','React','AWS','Terraform','Redis','Docker','gRPC','Spark'])[1 + (g / 8) % 10],
                                                  (ARRAY['Microservices','GraphQL','Airflow','PyTorch','Linux','MongoDB'])[1 + (g / 80) % 6]),
                       'interviewTypes', json_build_array((ARRAY['coding','system_design','behavioural','ml_design','take_home_review','cv_review','offer_negotiation'])[1 + g % 7],
                                                          (ARRAY['coding','system_design','behavioural','ml_design','take_home_review','cv_review','offer_negotiation'])[1 + (g / 7) % 7]),
                       'coachedCounts', json_build_object((ARRAY['coding','system_design','behavioural','ml_design','take_home_review','cv_review','offer_negotiation'])[1 + g % 7], g % 60),
                       'languages', json_build_array('en', (ARRAY['de','es','fr','hi','pt','pl','ja'])[1 + g % 7]),
                       'availability', json_build_array(
                          json_build_object('day', (ARRAY['Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday'])[1 + g % 7], 'start', lpad((8 + g % 10)::text, 2, '0') || ':00:00', 'end', lpad((11 + g % 10)::text, 2, '0') || ':00:00'),
                          json_build_object('day', (ARRAY['Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday'])[1 + (g + 3) % 7], 'start', '18:00:00', 'end', '21:00:00'))
                     )::text,
                     true, true, now() FROM bench_coaches;
            INSERT INTO matching.coach_statuses (coach_id, payouts_enabled, is_suspended, is_deleted, median_first_reply_minutes, answered_conversations, overdue_conversations, updated_at)
              SELECT id, true, false, false, CASE WHEN g % 5 = 0 THEN NULL ELSE (g % 2000)::float END, g % 40, g % 3, now() FROM bench_coaches;
            INSERT INTO matching.listings (id, coach_id, title, description, kind, sessions, session_minutes, price_minor, currency, is_published, created_at, updated_at)
              SELECT gen_random_uuid(), id, 'Mock interview', 'One hour with written feedback.', 0, 1, 60, 5000 + (g % 40) * 500, 'USD', true, now(), now() FROM bench_coaches;
            UPDATE matching.counters SET value = value + 1;
            ANALYZE;
            """;
        await using (var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 }) await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The bench coachee's quiz: backend, senior, two companies, evenings and mornings in Berlin, a 150 USD budget.</summary>
    public static async Task SubmitQuizAsync(HttpClient client)
    {
        var quiz = new
        {
            targetRoles = new[] { "backend" }, seniority = "senior", targetCompanies = new[] { "Stripe", "Google" },
            interviewDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"),
            interviewTypes = new[] { "system_design", "coding" }, focusAreas = new[] { "distributed" }, languages = new[] { "en", "de" },
            timeZone = "Europe/Berlin", budgetMinor = 15000, budgetCurrency = "USD",
            availability = new object[] { new { day = "Monday", start = "18:00", end = "21:00" }, new { day = "Thursday", start = "09:00", end = "12:00" } },
        };
        var submitted = await client.PostAsJsonAsync("api/matching/quiz/submit", quiz);
        if (!submitted.IsSuccessStatusCode) throw new InvalidOperationException($"quiz: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
    }

    public override async Task SetupAsync(BenchContext context)
    {
        await SeedCoachesAsync(context.ConnectionString, coaches);

        var (client, _) = await context.SignedInClientAsync("coachee", "Bench Coachee");
        await SubmitQuizAsync(client);
        // The first request builds the in-memory snapshot; the build time is a figure of its own.
        var start = System.Diagnostics.Stopwatch.StartNew();
        var first = await client.GetAsync("api/matching/matches?page=1&pageSize=20");
        if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"matches: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        context.State["first"] = start.Elapsed.TotalMilliseconds;
        // Then a CV (reading it uses the snapshot's company names), so ranking uses what was read from it (skills and a past employer) on every request.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(CvPdf("Senior Backend Engineer, Netflix, 2017 - present", "Skills: Go, Kubernetes, Kafka, PostgreSQL, gRPC"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "bench-cv.pdf");
        var uploaded = await client.PostAsync("api/matching/cv", form);
        if (!uploaded.IsSuccessStatusCode) throw new InvalidOperationException($"cv: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");

        context.State["client"] = client;
    }

    public override async Task<IReadOnlyList<Result>> RunAsync(BenchContext context)
    {
        var client = (HttpClient)context.State["client"];
        var seconds = Math.Max(60, Duration.TotalSeconds);
        Task<bool> Unfiltered(int i) => Ok(client.GetAsync($"api/matching/matches?page={1 + i % 3}&pageSize=20"));
        // The first minute of a fresh instance (the JIT still tiering up the hot paths on the same two cores), then
        // the same load once it has settled: the steady state the target is about.
        var cold = await Load.RunAsync(TimeSpan.FromSeconds(seconds), 8, Unfiltered, Warmup);
        var steady = await Load.RunAsync(TimeSpan.FromSeconds(seconds), 8, Unfiltered, SteadyStateWarmup);
        var filtered = await Load.RunAsync(Duration, 8,
            i => Ok(client.GetAsync("api/matching/matches?interviewType=system_design&maxBudget=12000&language=de&page=1&pageSize=20")), Warmup);
        var edits = await EditsReachSearchAsync(context, client);
        return
        [
            new(Name, "first request (snapshot build)", null, (double)context.State["first"], null, context.Host.RssMiB(), $"{coaches:N0} listed coaches"),
            new(Name, "GET /api/matching/matches, first minute", cold.Rps, cold.P50Ms, cold.P99Ms, context.Host.RssMiB(),
                $"8 concurrent for {seconds:0} s from {Warmup.TotalSeconds:0} s after the first request, {cold.Requests} requests, {cold.Failures} failed; {cold.Tail}"),
            new(Name, "GET /api/matching/matches, steady state", steady.Rps, steady.P50Ms, steady.P99Ms, context.Host.RssMiB(),
                $"8 concurrent for {seconds:0} s after {SteadyStateWarmup.TotalSeconds:0} s more, {steady.Requests} requests, {steady.Failures} failed; {steady.Tail}"),
            new(Name, "… with filters", filtered.Rps, filtered.P50Ms, filtered.P99Ms, context.Host.RssMiB(), $"type+budget+language, {filtered.Requests} requests, {filtered.Failures} failed; {filtered.Tail}"),
            new(Name, "a coach's edit until the search finds it", null, Load.Percentile(edits, 0.5), edits[^1], context.Host.RssMiB(),
                $"{edits.Count} edits one after another, each committed as the app does (counter + change log), then searched for until found (decision 0023: that coach is updated, not all)", Anchor.None),
        ];
    }

    /// <summary>
    /// Edits one coach's headline the way the app commits a change (the profile, the counter bumped, the coach logged at the
    /// new version, one transaction), then searches for the new headline until it is found: how long an edit takes to reach
    /// an instance's snapshot. Milliseconds, sorted.
    /// </summary>
    private static async Task<List<double>> EditsReachSearchAsync(BenchContext context, HttpClient client)
    {
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var marker = $"benchedit{i}x{Environment.TickCount64 % 100000}";
            await using (var tx = await conn.BeginTransactionAsync())
            {
                var sql = $"""
                    UPDATE matching.coach_profiles SET headline = '{marker}' WHERE coach_id = (SELECT coach_id FROM matching.coach_profiles ORDER BY coach_id OFFSET {i * 7919} LIMIT 1);
                    UPDATE matching.counters SET value = value + 1 WHERE name = 'coaches';
                    INSERT INTO matching.snapshot_changes (version, coach_id, changed_at)
                      SELECT (SELECT value FROM matching.counters WHERE name = 'coaches'), coach_id, now() FROM matching.coach_profiles WHERE headline = '{marker}';
                    """;
                await using (var cmd = new NpgsqlCommand(sql, conn, tx)) await cmd.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
            var start = System.Diagnostics.Stopwatch.StartNew();
            while (start.Elapsed < TimeSpan.FromSeconds(30))
            {
                using var found = await client.GetAsync($"api/matching/coaches?q={marker}");
                if ((await found.Content.ReadAsStringAsync()).Contains("\"total\":1", StringComparison.Ordinal)) break;
            }
            times.Add(start.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>A one-page PDF with these lines of text (Helvetica, an uncompressed content stream, a correct xref table).</summary>
    private static byte[] CvPdf(params string[] lines)
    {
        var content = string.Concat(lines.Select((l, i) => $"BT /F1 10 Tf 40 {800 - 14 * i} Td ({l}) Tj ET\n"));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}endstream",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++) { offsets.Add(pdf.Length); pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"); }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task<bool> Ok(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.IsSuccessStatusCode;
    }
}
