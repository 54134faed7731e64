using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Databases made before the migrations were generated (the hand-written ones, 2026-11-22 to 2026-11-29) hold exactly
/// the schema of each module's generated <c>Baseline</c>. When such a database is migrated, the module's Baseline is
/// recorded as applied instead of run, and the generated migrations after it apply as usual. A database that has only
/// some of a module's hand-written migrations cannot be adopted: the migrator stops and says which are missing.
/// </summary>
public static class LegacyMigrations
{
    public const string BaselineName = "Baseline";

    /// <summary>The hand-written migration ids each module had when the generated ones replaced them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByModule = new Dictionary<string, string[]>
    {
        ["platform"] = ["20261122000001_PlatformInitial", "20261122000002_OutboxPartialIndexes"],
        ["identity"] = ["20261122000101_IdentityInitial", "20261122000102_IdentityOnboardingAndSettings"],
        ["matching"] = ["20261122000201_MatchingInitial"],
        ["messaging"] = ["20261122000301_MessagingInitial"],
        ["orders"] = ["20261122000401_OrdersInitial"],
        ["integrations"] = ["20261122000501_IntegrationsInitial"],
    };

    /// <summary>Records the module's Baseline as applied when the database was made by its hand-written migrations. True when it did.</summary>
    public static async Task<bool> AdoptAsync(DbContext db, string module, CancellationToken cancellationToken)
    {
        if (!ByModule.TryGetValue(module, out var legacy)) return false;
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var found = legacy.Where(applied.Contains).ToList();
        if (found.Count == 0) return false;
        var baseline = db.GetService<IMigrationsAssembly>().Migrations.Keys
            .Single(id => id.EndsWith("_" + BaselineName, StringComparison.Ordinal));
        if (applied.Contains(baseline)) return false;
        if (found.Count != legacy.Length)
            throw new InvalidOperationException(
                $"Module '{module}': this database has only some of the hand-written migrations ({string.Join(", ", found)}); " +
                $"missing {string.Join(", ", legacy.Except(found))}. Migrate it with a build from 2026-11-29 first, then with this one.");
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
        return true;
    }
}
