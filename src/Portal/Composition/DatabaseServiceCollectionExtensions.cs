using GatewayPortal.Cluster;
using GatewayPortal.Data.Postgres;
using GatewayPortal.Data.Schema;
using GatewayPortal.Data.Sqlite;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Storage;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Storage;
using GatewayPortal.Wiki.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's database (SQLite or PostgreSQL, each with its own migrations assembly) and its start-up migration.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Adds the DbContext for the configured provider (migrations from <c>GatewayPortal.Data.Sqlite</c> or
    /// <c>GatewayPortal.Data.Postgres</c>), the libraries' storage interfaces over it, and the start-up migrations.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Database:ConnectionString is required.");
        }

        // Pooled contexts: a sign-in reuses one instead of building a context and its services each time.
        // The scoped PortalDbContext and IIdentityDbContext aliases below hand out the request's pooled instance.
        services.AddSingleton<TransactionDurationMeter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QueryDurationInterceptor>();
        // Search change feed rows commit with the data they name (an outbox); inert until the feed is registered.
        services.AddSingleton<SearchChangeOutbox>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlite(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContextPool<SqlitePortalDbContext>((sp, o) => o.UsePortalSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<TransactionDurationMeter>(), sp.GetRequiredService<SearchChangeOutbox>(), sp.GetRequiredService<QueryDurationInterceptor>())
                    .ConfigureWarnings(QueryDurationInterceptor.QuietOutageEvents));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                AddFactory<SqlitePortalDbContext>(services);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PostgresPortalDbContext>((sp, o) => o.UsePortalPostgres(options.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<TransactionDurationMeter>(), sp.GetRequiredService<SearchChangeOutbox>(), sp.GetRequiredService<QueryDurationInterceptor>())
                    .ConfigureWarnings(QueryDurationInterceptor.QuietOutageEvents));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                AddFactory<PostgresPortalDbContext>(services);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql.");
        }

        services.AddScoped<IIdentityDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddScoped<IApplicationsDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddScoped<IWikiDbContext>(sp => sp.GetRequiredService<PortalDbContext>());

        // Program runs the gate before the host starts: migrations (or the refusal) come before every hosted service.
        services.AddSingleton(ReleaseSchema(configuration, environment));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseStartGate>();
        return services;
    }

    /// <summary>A test setting that makes this binary play another release's schema version (never honoured in Production).</summary>
    public const string TestingSchemaVersionSetting = "Testing:SchemaVersion";

    /// <summary>With <see cref="TestingSchemaVersionSetting"/>: the played release's oldest compatible schema version.</summary>
    public const string TestingMinCompatibleSchemaVersionSetting = "Testing:MinCompatibleSchemaVersion";

    private static SchemaRelease ReleaseSchema(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction() || configuration.GetValue<int?>(TestingSchemaVersionSetting) is not { } version)
        {
            return SchemaRelease.Current;
        }

        return new SchemaRelease(version, configuration.GetValue<int?>(TestingMinCompatibleSchemaVersionSetting) ?? version);
    }

    // Contexts for work outside a request, from a pool of their own with the same options as the request pool's.
    private static void AddFactory<TContext>(IServiceCollection services)
        where TContext : PortalDbContext
    {
        services.AddSingleton(sp => new PortalDbContextFactory<TContext>(
            new PooledDbContextFactory<TContext>(sp.GetRequiredService<DbContextOptions<TContext>>())));
        services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp => sp.GetRequiredService<PortalDbContextFactory<TContext>>());
        services.AddSingleton<IClusterDbContextFactory>(sp => sp.GetRequiredService<PortalDbContextFactory<TContext>>());
        services.AddSingleton<ISearchDbContextFactory>(sp => sp.GetRequiredService<PortalDbContextFactory<TContext>>());
    }

    private static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.IsPathRooted(source) ? source : Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
