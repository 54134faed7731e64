using Microsoft.Data.Sqlite;
using Npgsql;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Upserts under concurrency. A read-then-insert ("no row yet, add one") races with a twin request (a double-click on
/// "Save draft"): both read nothing, both insert, the second hits the key. <see cref="RetryOnRaceAsync{T}"/> runs the whole
/// unit of work again on a clean change tracker when the database says another writer got there first (a unique or
/// primary-key violation, or a row updated or deleted meanwhile), so the second request reads the first one's row and
/// updates it. Each attempt must be the complete read-decide-write, with nothing sent elsewhere before SaveChanges.
/// </summary>
public static class Concurrency
{
    public static async Task<T> RetryOnRaceAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken ct, int attempts = 4)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(ct);
            }
            catch (DbUpdateException e) when (i < attempts && IsRace(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * i), ct);
            }
        }
    }

    public static Task RetryOnRaceAsync(this DbContext db, Func<CancellationToken, Task> attempt, CancellationToken ct, int attempts = 4) =>
        db.RetryOnRaceAsync(async c => { await attempt(c); return true; }, ct, attempts);

    /// <summary>Another writer got there first: a unique or primary key, or a row changed or removed since it was read.</summary>
    public static bool IsRace(DbUpdateException e) => e is DbUpdateConcurrencyException || IsUniqueViolation(e);

    public static bool IsUniqueViolation(Exception e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555)
        SqliteException lite => lite.SqliteErrorCode == 19 && lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
