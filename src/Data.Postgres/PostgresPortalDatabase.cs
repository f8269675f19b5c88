using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        return options.UseNpgsql(WithPortalDefaults(connectionString), npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
    }

    /// <summary>
    /// The connection string with the pool settings the portal's short requests need, where the operator set none:
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>: a pooled connection is handed to the next request as it is. Npgsql's default
    /// sends <c>DISCARD ALL</c> each time a connection goes back to the pool, which also throws away the server's prepared
    /// statements: on a refresh grant that was three extra round trips and three re-parsed statements per request.
    /// The portal keeps no session state (no SET, temporary tables or session locks; transactions always end).</item>
    /// <item><c>Max Auto Prepare=64</c>: statements run at least twice are prepared once per connection.</item>
    /// </list>
    /// </summary>
    public static string WithPortalDefaults(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString == given.ConnectionString ? connectionString : builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, string key) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase));
}
