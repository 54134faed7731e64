using Npgsql;

namespace TechInterviewCoach.Matching.Tests;

/// <summary>An instance builds its match snapshot before it reports ready (decision 0013, issue 17).</summary>
public sealed class WarmUpTests : IAsyncLifetime
{
    private readonly MatchingApp app = new();
    public Task InitializeAsync() => app.InitializeAsync();
    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_new_instance_reports_ready_only_after_its_match_snapshot_is_built()
    {
        await app.CreateListedCoachAsync("Listed", Fixtures.Profile(types: ["coding"]));

        // A second instance on the same database, whose snapshot build cannot read the profiles until the lock goes.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE matching.coach_profiles IN ACCESS EXCLUSIVE MODE", connection, transaction))
            await hold.ExecuteNonQueryAsync();
        var second = new MatchingApp();
        second.Settings["ConnectionStrings:Postgres"] = app.ConnectionString;
        try
        {
            var probe = second.CreateClient();
            for (var i = 0; i < 3; i++) // each probe waits up to a second for the build
            {
                (await probe.GetAsync("/healthz/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "no snapshot yet");
                await Task.Delay(200);
            }
            (await probe.GetAsync("/healthz/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "alive while it warms up");

            await transaction.CommitAsync();
            var status = HttpStatusCode.ServiceUnavailable;
            for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
            {
                await Task.Delay(100);
                status = (await probe.GetAsync("/healthz/ready")).StatusCode;
            }
            status.ShouldBe(HttpStatusCode.OK, "ready once the snapshot is built");
        }
        finally { await second.DisposeAsync(); }
    }
}
