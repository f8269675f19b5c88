using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Data.Postgres;

/// <summary>
/// Points a context at PostgreSQL with this assembly's migrations. The host's registration, the design-time factory and
/// tests all configure the context here, so they all find the same migrations.
/// </summary>
public static class PostgresPortalDatabase
{
    /// <summary>The assembly that holds the PostgreSQL migrations.</summary>
    public static string MigrationsAssembly { get; } = typeof(PostgresPortalDatabase).Assembly.GetName().Name!;

    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/> with the portal's PostgreSQL migrations.</summary>
    public static DbContextOptionsBuilder UsePortalPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
    }
}
