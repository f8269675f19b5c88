using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GatewayPortal.Data.Tests;

/// <summary>Which database exceptions are an outage (503, try again) and which are defects (500).</summary>
public sealed class DatabaseUnavailabilityTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "sqlite busy", true },
        { "sqlite locked", true },
        { "sqlite cannot open", true },
        { "sqlite busy (extended code)", true },
        { "sqlite busy inside a DbUpdateException", true },
        { "sqlite busy inside EF's transient-failure InvalidOperationException", true },
        { "npgsql connection refused", true },
        { "postgres admin shutdown", true },
        { "postgres cannot connect now", true },
        { "postgres too many connections", true },
        { "sqlite constraint", false },
        { "sqlite too many SQL variables (error)", false },
        { "postgres unique violation", false },
        { "null reference", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsOutage_Exception_TellsOutageFromDefect(string name, bool expected)
    {
        // Arrange
        var exception = Create(name);

        // Act
        var outage = DatabaseUnavailability.IsOutage(exception);

        // Assert
        Assert.Equal(expected, outage);
    }

    private static Exception Create(string name) => name switch
    {
        "sqlite busy" => new SqliteException("database is locked", 5),
        "sqlite locked" => new SqliteException("database table is locked", 6),
        "sqlite cannot open" => new SqliteException("unable to open database file", 14),
        "sqlite busy (extended code)" => new SqliteException("database is locked", 5 | (2 << 8)),
        "sqlite busy inside a DbUpdateException" => new DbUpdateException("save failed", new SqliteException("database is locked", 5)),
        "sqlite busy inside EF's transient-failure InvalidOperationException" =>
            new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new SqliteException("database is locked", 5)),
        "npgsql connection refused" => new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)),
        "postgres admin shutdown" => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"),
        "postgres cannot connect now" => new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        "postgres too many connections" => new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"),
        "sqlite constraint" => new SqliteException("UNIQUE constraint failed", 19),
        "sqlite too many SQL variables (error)" => new SqliteException("too many SQL variables", 1),
        "postgres unique violation" => new PostgresException("duplicate key value", "ERROR", "ERROR", "23505"),
        _ => new NullReferenceException(),
    };
}
