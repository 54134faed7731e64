using Microsoft.Extensions.Time.Testing;

namespace TechInterviewCoach.Messaging.Tests;

/// <summary>The app on PostgreSQL, with what the tests read of Messaging's storage and the outbox.</summary>
public class MessagingApp : AppFactory
{
    public Task<int> StoredMessagesAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<MessagingDbContext>().Messages.CountAsync());

    internal Task<List<OutboxMessage>> OutboxAsync(string typeSuffix) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().ToListAsync())
            .Where(m => m.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).OrderBy(m => m.OccurredAt).ToList());
}

/// <summary>An app whose clock the test moves, with the background rounds driven by hand.</summary>
public sealed class ClockedApp : MessagingApp
{
    public ClockedApp()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        Settings["Messaging:BackgroundEnabled"] = "false";
    }

    internal FakeTimeProvider Time => Clock!;

    internal Task<(int Emails, int Responsiveness)> RunBackgroundOnceAsync() => Services.GetRequiredService<UnreadNotifier>().RunOnceAsync();
}
