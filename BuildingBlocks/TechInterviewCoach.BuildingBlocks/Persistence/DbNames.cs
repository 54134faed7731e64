using Microsoft.EntityFrameworkCore.Migrations;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Where a module's tables live. PostgreSQL: a schema per module ("identity".users).
/// SQLite has no schemas, so the module becomes a table prefix (identity_users); SQLite index names are
/// global too, so <see cref="Index"/> prefixes them as well. Used by the DbContexts (the generated migrations carry the resulting names).
/// </summary>
public sealed record DbNames(string Module, bool IsSqlite)
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public string? Schema => IsSqlite ? null : Module;

    public string Table(string name) => IsSqlite ? $"{Module}_{name}" : name;

    public string Index(string name) => $"ix_{Module}_{name}";

    /// <summary>Table name for raw SQL: schema-qualified and quoted on PostgreSQL.</summary>
    public string Qualified(string name) => IsSqlite ? $"\"{Module}_{name}\"" : $"\"{Module}\".\"{name}\"";

    public static DbNames For(string? providerName, string module) => new(module, providerName == SqliteProvider);

    public static DbNames For(MigrationBuilder migrationBuilder, string module) => For(migrationBuilder.ActiveProvider, module);
}
