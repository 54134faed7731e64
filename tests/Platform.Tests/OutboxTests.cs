using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using MediatR;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Outbox;

namespace TechInterviewCoach.Platform.Tests;

/// <summary>A notification used only by these tests; <see cref="Behaviour"/> tells the handler how to fail.</summary>
public sealed record OutboxProbe(string Key, string Behaviour) : INotification;

public sealed class ProbeLedger
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();
    public ConcurrentBag<(string Key, Guid MessageId, string Host)> Deliveries { get; } = new();
}

internal sealed class ProbeHandler(ProbeLedger ledger, OutboxExecutionContext context, HostTag host) : INotificationHandler<OutboxProbe>
{
    public Task Handle(OutboxProbe notification, CancellationToken cancellationToken)
    {
        var call = ledger.Calls.AddOrUpdate(notification.Key, 1, (_, n) => n + 1);
        if (notification.Behaviour == "fail-twice" && call <= 2) throw new HttpRequestException("vendor answered 503");
        if (notification.Behaviour == "always-fail") throw new HttpRequestException("vendor answered 503 for bob@example.org");
        if (notification.Behaviour == "permanent") throw new PermanentFailureException("vendor answered 422: invalid recipient");
        ledger.Deliveries.Add((notification.Key, context.MessageId!.Value, host.Name));
        return Task.CompletedTask;
    }
}

public sealed record HostTag(string Name);

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly ProbeLedger _ledger = new();
    private readonly PlatformApp _app;

    public OutboxTests()
    {
        _app = new PlatformApp();
        _app.Settings["Outbox:MaxAttempts"] = "4";
        _app.ConfigureServices = s => Register(s, _ledger, "a");
    }

    internal static void Register(IServiceCollection services, ProbeLedger ledger, string host)
    {
        services.AddSingleton(ledger);
        services.AddSingleton(new HostTag(host));
        services.AddTransient<INotificationHandler<OutboxProbe>, ProbeHandler>();
    }

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    internal static async Task EnqueueAsync(PlatformApp app, params OutboxProbe[] probes) =>
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            foreach (var p in probes) db.OutboxMessages.Add(OutboxMessage.Create(p, DateTime.UtcNow, "tests"));
            return await db.SaveChangesAsync();
        });

    private Task<OutboxMessage> MessageAsync(string key) => _app.InScopeAsync(sp =>
        sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload.Contains(key)));

    [Fact]
    public async Task A_message_is_delivered_once_with_its_id()
    {
        _app.StartServer();
        await EnqueueAsync(_app, new OutboxProbe("ok-1", "ok"));
        await _app.WaitForOutboxAsync();
        var message = await MessageAsync("ok-1");
        message.Status.ShouldBe(OutboxStatus.Done);
        _ledger.Deliveries.Single(d => d.Key == "ok-1").MessageId.ShouldBe(message.Id);
    }

    [Fact]
    public async Task A_failing_message_is_retried_with_backoff_until_it_succeeds()
    {
        _app.StartServer();
        await EnqueueAsync(_app, new OutboxProbe("flaky", "fail-twice"));
        await _app.WaitForOutboxAsync();
        var message = await MessageAsync("flaky");
        message.Status.ShouldBe(OutboxStatus.Done);
        message.Attempts.ShouldBe(3);
        _ledger.Calls["flaky"].ShouldBe(3);
        _ledger.Deliveries.Count(d => d.Key == "flaky").ShouldBe(1);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_with_a_scrubbed_reason()
    {
        _app.StartServer();
        await EnqueueAsync(_app, new OutboxProbe("broken", "always-fail"));
        await _app.WaitForOutboxAsync();
        var message = await MessageAsync("broken");
        message.Status.ShouldBe(OutboxStatus.DeadLettered);
        message.Attempts.ShouldBe(4);
        message.LastError.ShouldBe("HttpRequestException: vendor answered 503 for [email]");
        _app.Logs.AllText.ShouldNotContain("bob@example.org");
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_without_retrying()
    {
        _app.StartServer();
        await EnqueueAsync(_app, new OutboxProbe("rejected", "permanent"));
        await _app.WaitForOutboxAsync();
        var message = await MessageAsync("rejected");
        message.Status.ShouldBe(OutboxStatus.DeadLettered);
        _ledger.Calls["rejected"].ShouldBe(1);
        message.LastError!.ShouldContain("422");
    }

    [Fact]
    public async Task An_admin_sees_a_dead_letter_and_can_retry_it()
    {
        _app.StartServer();
        await EnqueueAsync(_app, new OutboxProbe("retry-me", "permanent"));
        await _app.WaitForOutboxAsync();
        var admin = await _app.CreateUserAsync("admin");
        var page = await admin.Client.GetPageAsync("/admin/jobs");
        page.QuerySelector("[data-testid=jobs-table]")!.TextContent.ShouldContain("OutboxProbe");
        var response = await admin.Client.SubmitFormAsync(page, "form[action*=Retry], form:has(input[name=id])");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        await _app.WaitForOutboxAsync();
        _ledger.Calls["retry-me"].ShouldBe(2);
    }

    [Fact]
    public async Task The_jobs_page_is_for_admins_only()
    {
        _app.StartServer();
        var coachee = await _app.CreateUserAsync("coachee");
        (await coachee.Client.GetAsync("/admin/jobs")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await coachee.Client.GetAsync("/admin/jobs")).Headers.Location!.ToString().ShouldContain("/forbidden");
        var anonymous = await _app.CreateHttpsClient().GetAsync("/admin/jobs");
        anonymous.Headers.Location!.ToString().ShouldContain("/signin");
    }
}

public sealed class OutboxRetentionTests
{
    [Fact]
    public async Task Delivered_messages_are_deleted_after_the_retention_period_and_dead_letters_are_kept()
    {
        var ledger = new ProbeLedger();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)); // after the probes' enqueue time
        await using var app = new PlatformApp { Clock = clock };
        app.Settings["Outbox:RetainProcessedFor"] = "1.00:00:00";
        app.ConfigureServices = s => OutboxTests.Register(s, ledger, "a");
        await app.InitializeAsync();
        app.StartServer();
        await OutboxTests.EnqueueAsync(app, new OutboxProbe("delivered", "ok"), new OutboxProbe("dead", "permanent"));
        await app.WaitForOutboxAsync();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        (await dispatcher.PurgeDeliveredAsync(CancellationToken.None)).ShouldBe(0, "still within a day");
        clock.Advance(TimeSpan.FromHours(25));
        // The dispatcher's own loop purges as well once the clock has moved, so this call may find the row already gone
        // (or wait for that purge's lock): what counts is what is left afterwards.
        (await dispatcher.PurgeDeliveredAsync(CancellationToken.None)).ShouldBeInRange(0, 1);
        var left = await app.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().ToListAsync());
        left.ShouldHaveSingleItem().Status.ShouldBe(OutboxStatus.DeadLettered);
    }
}

/// <summary>Two instances on one PostgreSQL share the outbox: every message is handled exactly once.</summary>
public sealed class OutboxSharedByInstancesTests
{
    [Fact]
    public async Task Two_instances_deliver_every_message_exactly_once()
    {
        var ledger = new ProbeLedger();
        await using var first = new PlatformApp();
        first.Settings["Outbox:BatchSize"] = "5";
        first.ConfigureServices = s => OutboxTests.Register(s, ledger, "first");
        await first.InitializeAsync();
        first.StartServer();
        // The second instance: same settings and database as the first (so no InitializeAsync, which creates a database).
        await using var second = new PlatformApp();
        foreach (var (k, v) in first.Settings) second.Settings[k] = v;
        second.ConfigureServices = s => OutboxTests.Register(s, ledger, "second");
        second.StartServer();

        var probes = Enumerable.Range(0, 300).Select(i => new OutboxProbe($"m{i}", "ok")).ToArray();
        await OutboxTests.EnqueueAsync(first, probes);
        await first.WaitForOutboxAsync(TimeSpan.FromSeconds(60));

        ledger.Deliveries.Count.ShouldBe(300);
        ledger.Deliveries.Select(d => d.Key).Distinct().Count().ShouldBe(300);
        ledger.Deliveries.Select(d => d.Host).Distinct().Count().ShouldBe(2, "both instances should have taken a share");
    }
}
