using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Storage;
using GatewayPortal.Portal.Data;
using GatewayPortal.Wiki.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's database (SQLite or PostgreSQL) and what lives in it.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds the DbContext for the configured provider, start-up migrations and Data Protection keys in the database.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
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
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlite(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContextPool<SqlitePortalDbContext>((sp, o) => o.UseSqlite(sqlite)
                    .AddInterceptors(new SqliteConnectionSettings(), sp.GetRequiredService<TransactionDurationMeter>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PostgresPortalDbContext>((sp, o) => o.UseNpgsql(options.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<TransactionDurationMeter>()));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql.");
        }

        services.AddScoped<IIdentityDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddScoped<IApplicationsDbContext>(sp => sp.GetRequiredService<PortalDbContext>());
        services.AddScoped<IWikiDbContext>(sp => sp.GetRequiredService<PortalDbContext>());

        // Migrations run first: registered before every other hosted service.
        services.AddHostedService<DatabaseMigrator>();

        // Keys in the database: every node of a cluster reads the same cookies.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("GatewayPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        GatewayPortal.Portal.Extensions.KeyEncryption.Configure(dataProtection, configuration, environment);
        return services;
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
