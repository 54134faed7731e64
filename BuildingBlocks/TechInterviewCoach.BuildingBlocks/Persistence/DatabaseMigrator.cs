using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Applies every module's migrations. On PostgreSQL the whole run holds one advisory lock, so instances
/// that start together against an empty database migrate one after another: the first applies, the
/// others find nothing pending.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, DatabaseProvider database, IEnumerable<MigratableContext> contexts, ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x7EC4_C0AC_4001;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (database.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            try
            {
                return await MigrateAllAsync(cancellationToken);
            }
            finally
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database.SqliteFile!)!);
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        return await MigrateAllAsync(cancellationToken);
    }

    private async Task<int> MigrateAllAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var context in contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.ContextType);
            // Without its history table EF probes with a query that fails and logs an error; create the table first.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            if (await LegacyMigrations.AdoptAsync(db, context.Module, cancellationToken))
                logger.LogInformation("Module {Module}: database made by the hand-written migrations; its generated baseline is recorded as applied", context.Module);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0) continue;
            logger.LogInformation("Applying {Count} migration(s) to module {Module}: {Migrations}", pending.Count, context.Module, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
            applied += pending.Count;
        }
        logger.LogInformation("Database is up to date ({Provider}); {Applied} migration(s) applied by this process", database.IsPostgres ? "PostgreSQL" : "SQLite", applied);
        return applied;
    }
}
