using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Each module keeps two generated migration sets with a model snapshot each, one per provider
/// (<c>migrations/&lt;Module&gt;/Postgres</c> and <c>migrations/&lt;Module&gt;/Sqlite</c>), because the model differs by provider
/// (a schema on PostgreSQL, a table prefix on SQLite) and so do column types. Both sets compile into the module and
/// name the same DbContext; this keeps only the set whose namespace ends with the active provider's folder name, at
/// run time and for `dotnet ef` alike. See docs/decisions/0003-migrations.md.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF's internal default; subclassing it is the supported way to choose migrations.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string _folder = FolderFor(currentContext.Context.Database.ProviderName);
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public const string PostgresFolder = "Postgres";
    public const string SqliteFolder = "Sqlite";

    public static string FolderFor(string? providerName) => providerName == DbNames.SqliteProvider ? SqliteFolder : PostgresFolder;

    private bool ForThisProvider(Type type) => type.Namespace?.EndsWith("." + _folder, StringComparison.Ordinal) == true;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= base.Migrations.Where(m => ForThisProvider(m.Value)).ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotRead) return _snapshot;
            var contextType = CurrentContextType;
            var snapshotType = Assembly.GetTypes()
                .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.IsSubclassOf(typeof(ModelSnapshot)) && ForThisProvider(t)
                            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
                .SingleOrDefault();
            _snapshot = snapshotType is null ? null : (ModelSnapshot)Activator.CreateInstance(snapshotType)!;
            _snapshotRead = true;
            return _snapshot;
        }
    }

    private Type CurrentContextType { get; } = currentContext.Context.GetType();
}
#pragma warning restore EF1001
