using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GatewayPortal.Data;

/// <summary>
/// Per-connection SQLite settings. Without a busy timeout, a writer that meets another writer's lock
/// gets SQLITE_BUSY and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, which made up most of
/// an OIDC sign-in's latency under load (bench/RESULTS.md, issue #3). SQLite's own busy handler retries
/// within milliseconds.
/// synchronous=NORMAL is the recommended pairing with WAL: a committed transaction survives a crash
/// of the process; only a power loss may drop the last ones.
/// Both settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps across opens: they are
/// sent once per native connection, not on every open (a request opens the connection for each query and save).
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    // Native connections outlive the pooled contexts and the interceptor instances: one table for the process.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using var commandDisposal = command.ConfigureAwait(false);
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True the first time this native connection is seen (anything but SQLite: always).</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
