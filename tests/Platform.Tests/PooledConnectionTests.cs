using Npgsql;

namespace TechInterviewCoach.Platform.Tests;

/// <summary>
/// Issue 12, item 8: can a query that fails half-way (PostgreSQL refusing a NUL, an error after rows were sent, a reader
/// abandoned mid-result, a cancelled command) hand a connection back to the pool in the middle of the protocol, so that the
/// next ordinary query reads "unexpected backend message DataRow"? With one pooled connection, auto-prepare on as the app
/// configures it, each kind of failure is provoked again and again, each followed by ordinary queries on the same physical
/// connection, which must answer correctly. See docs/decisions/0015-pooled-connections-after-errors.md.
/// </summary>
public sealed class PooledConnectionTests
{
    [Fact]
    public async Task Queries_that_fail_mid_way_never_leave_a_broken_connection_in_the_pool()
    {
        var builder = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("pool"))
        {
            MaxPoolSize = 1, MinPoolSize = 1, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2,
        };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var setup = source.CreateCommand("CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL); INSERT INTO people SELECT g, 'person ' || g FROM generate_series(1, 5000) g;"))
            await setup.ExecuteNonQueryAsync();
        var backends = new HashSet<int>();

        async Task OrdinaryQueriesAnswerAsync(int round)
        {
            await using var connection = await source.OpenConnectionAsync();
            backends.Add(connection.ProcessID);
            await using var one = new NpgsqlCommand("SELECT name FROM people WHERE id = $1", connection) { Parameters = { new() { Value = round % 5000 + 1 } } };
            (await one.ExecuteScalarAsync()).ShouldBe($"person {round % 5000 + 1}");
            await using var many = new NpgsqlCommand("SELECT count(*), max(id) FROM people WHERE name LIKE $1", connection) { Parameters = { new() { Value = "person 1%" } } };
            await using var reader = await many.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(1111);
            reader.GetInt32(1).ShouldBe(1999);
        }

        var failures = new Func<NpgsqlConnection, Task>[]
        {
            // PostgreSQL refuses a NUL in text (22021), on a statement that is auto-prepared after its second use.
            async c =>
            {
                await using var cmd = new NpgsqlCommand("SELECT count(*) FROM people WHERE name ILIKE $1", c) { Parameters = { new() { Value = "%a\u0000b%" } } };
                await cmd.ExecuteScalarAsync();
            },
            // An error after rows were already sent (division by zero on the 5th row), read as EF reads: row by row.
            async c =>
            {
                await using var cmd = new NpgsqlCommand("SELECT id, 100 / (5 - id) FROM people WHERE id <= $1 ORDER BY id", c) { Parameters = { new() { Value = 10 } } };
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) reader.GetInt32(1);
            },
            // The caller throws while reading a large result (a materialisation error) and abandons the reader.
            async c =>
            {
                await using var cmd = new NpgsqlCommand("SELECT id, name FROM people WHERE id > $1", c) { Parameters = { new() { Value = 0 } } };
                await using var reader = await cmd.ExecuteReaderAsync();
                await reader.ReadAsync();
                throw new InvalidOperationException("materialisation failed");
            },
            // A batch whose second statement fails after the first returned rows.
            async c =>
            {
                await using var batch = new NpgsqlBatch(c) { BatchCommands = { new("SELECT id FROM people WHERE id < 100"), new("SELECT 1 / 0") } };
                await using var reader = await batch.ExecuteReaderAsync();
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            },
            // A command cancelled while the server is busy.
            async c =>
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
                await using var cmd = new NpgsqlCommand("SELECT pg_sleep(5)", c);
                await cmd.ExecuteNonQueryAsync(cts.Token);
            },
        };

        var provoked = 0;
        for (var round = 0; round < 20; round++)
        foreach (var fail in failures)
        {
            await using (var connection = await source.OpenConnectionAsync())
            {
                try { await fail(connection); }
                catch (Exception e) when (e is PostgresException or InvalidOperationException or OperationCanceledException or NpgsqlException) { provoked++; }
            }
            await OrdinaryQueriesAnswerAsync(round);
        }
        provoked.ShouldBe(20 * failures.Length, "every failure was provoked");
        // The failed connection went back to the pool and was reused (a broken one would have been discarded and replaced).
        backends.Count.ShouldBe(1);
    }
}
