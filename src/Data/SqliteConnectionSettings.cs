using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GatewayPortal.Data;

/// <summary>
/// Per-connection SQLite settings. Without a busy timeout, a writer that meets another writer's lock
/// gets SQLITE_BUSY and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, which made up most of
/// an OIDC sign-in's latency under load (bench/RESULTS.md, issue #3). SQLite's own busy handler retries
/// within milliseconds.
/// synchronous=NORMAL is the recommended pairing with WAL: a committed transaction survives a crash
/// of the process; only a power loss may drop the last ones.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
