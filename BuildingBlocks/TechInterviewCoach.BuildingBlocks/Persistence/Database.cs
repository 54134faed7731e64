using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite file used when ConnectionStrings:Postgres is not set; relative to the content root.</summary>
    [Required] public string SqlitePath { get; set; } = "data/techinterviewcoach.db";

    /// <summary>Apply pending migrations when the app starts (the `migrate` command always does).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>Which database this process uses: PostgreSQL when ConnectionStrings:Postgres is set, else an SQLite file.</summary>
public sealed class DatabaseProvider
{
    public DatabaseProvider(IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            IsPostgres = true;
            ConnectionString = WithPostgresDefaults(postgres);
            return;
        }
        var path = configuration[$"{DatabaseOptions.Section}:SqlitePath"] ?? new DatabaseOptions().SqlitePath;
        SqliteFile = Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = SqliteFile,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Prepares the statements a connection runs repeatedly (the same few dozen EF queries serve most requests), which
    /// spares PostgreSQL parsing and planning them each time; a connection string that sets its own value wins.
    /// </summary>
    internal static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    public bool IsPostgres { get; }
    public string ConnectionString { get; }
    public string? SqliteFile { get; }

    public void Configure(DbContextOptionsBuilder options, string module)
    {
        if (IsPostgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations", module));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable($"__ef_migrations_{module}"));
        // Generated migrations, one set per provider (docs/decisions/0003-migrations.md).
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        options.ConfigureWarnings(w => w.Ignore(SqliteEventId.SchemaConfiguredWarning));
    }
}

/// <summary>Marks a DbContext whose migrations the migrator applies, in registration order.</summary>
public sealed record MigratableContext(Type ContextType, string Module);

public static class DatabaseRegistration
{
    /// <summary>Registers a module's DbContext on the configured provider, with its own migrations history.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        // The options are built once (they depend on singletons only), not for every context a request creates.
        services.AddDbContext<TContext>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseProvider>().Configure(options, module);
            options.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>());
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(new MigratableContext(typeof(TContext), module));
        return services;
    }
}
