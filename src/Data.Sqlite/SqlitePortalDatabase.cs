using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data.Sqlite;

/// <summary>
/// Points a context at SQLite with this assembly's migrations and the per-connection settings. The host's registration,
/// the design-time factory and tests all configure the context here, so they all find the same migrations.
/// </summary>
public static class SqlitePortalDatabase
{
    /// <summary>The assembly that holds the SQLite migrations.</summary>
    public static string MigrationsAssembly { get; } = typeof(SqlitePortalDatabase).Assembly.GetName().Name!;

    /// <summary>Uses SQLite at <paramref name="connectionString"/> with the portal's SQLite migrations and connection settings.</summary>
    public static DbContextOptionsBuilder UsePortalSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
            .AddInterceptors(new SqliteConnectionSettings());
    }
}
