using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GatewayPortal.Data;

/// <summary>
/// Tells an outage of the database (the server down or unreachable, a connection refused or reset, SQLite busy, locked
/// or unable to open its file, EF's retries exhausted) from a defect. An outage is answered 503 with Retry-After and
/// a page saying so in the person's language, as a directory outage is; anything else stays a 500.
/// </summary>
public static class DatabaseUnavailability
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL (primary result codes).
    private static readonly int[] SqliteOutageCodes = [5, 6, 10, 13, 14, 15];

    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database cannot be reached right now.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++, exception = exception.InnerException)
        {
            if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.Any(IsOutage))
            {
                return true;
            }

            if (exception switch
            {
                PostgresException postgres => IsOutage(postgres),
                NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
                SqliteException sqlite => SqliteOutageCodes.Contains(sqlite.SqliteErrorCode & 0xFF),
                RetryLimitExceededException => true,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    // Connection exceptions (08), insufficient resources (53), operator intervention (57P: shut down, cannot connect now),
    // a database that is not there (3D000).
    private static bool IsOutage(PostgresException postgres) =>
        postgres.IsTransient
        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
        || postgres.SqlState is "3D000";
}
