using System.Data.Common;
using System.Diagnostics.Metrics;
using GatewayPortal.Identity.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Data;

/// <summary>
/// Records how long each database command takes (histogram <c>gatewayportal.db.query.duration</c>, meter
/// <see cref="TransactionDurationMeter.MeterName"/>, by outcome), and logs a failed command or connection: a defect each
/// time, an outage (<see cref="DatabaseUnavailability"/>) once per window with a count (<see cref="RepeatedFailureLog"/>).
/// EF Core's own error events for the same failures are lowered to Debug by <see cref="QuietOutageEvents"/>, or every
/// request of an outage would write its own stack trace.
/// </summary>
public sealed partial class QueryDurationInterceptor : DbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>The instrument's name.</summary>
    public const string InstrumentName = "gatewayportal.db.query.duration";

    private readonly Histogram<double> _duration;
    private readonly ILogger<QueryDurationInterceptor> _logger;
    private readonly RepeatedFailureLog _outages;

    /// <summary>Creates the instrument on a meter from <paramref name="meterFactory"/>.</summary>
    public QueryDurationInterceptor(IMeterFactory meterFactory, ILogger<QueryDurationInterceptor> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _logger = logger;
        _outages = new RepeatedFailureLog(logger, time);
        _duration = meterFactory.Create(TransactionDurationMeter.MeterName).CreateHistogram<double>(InstrumentName, "s",
            "Time one database command takes, sent to read (or failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
    }

    /// <summary>EF Core's error events that this interceptor logs instead (see the class summary).</summary>
    public static void QuietOutageEvents(WarningsConfigurationBuilder warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug));
    }

    /// <inheritdoc/>
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(eventData, "ok");
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "ok");
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(eventData, "ok");
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "ok");
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(eventData, "ok");
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(eventData, "ok");
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Failed(command, eventData);
    }

    /// <inheritdoc/>
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Failed(command, eventData);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ConnectionFailure(connection, eventData.Exception);
    }

    /// <inheritdoc/>
    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ConnectionFailure(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose() => _outages.Dispose();

    private void Record(CommandEndEventData eventData, string outcome) =>
        _duration.Record(eventData.Duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    private void Failed(DbCommand command, CommandErrorEventData eventData)
    {
        Record(eventData, "error");
        var exception = eventData.Exception;
        if (!DatabaseUnavailability.IsOutage(exception))
        {
            LogCommandFailed(_logger, exception, command.CommandText);
        }
        else if (_outages.ShouldLog($"Database unavailable: {exception.GetType().Name}: {exception.Message}"))
        {
            LogDatabaseUnavailable(_logger, exception, exception.Message);
        }
    }

    private void ConnectionFailure(DbConnection connection, Exception exception)
    {
        // EF asks whether a SQLite database exists by opening it read-only, expecting a failure when it does not.
        if (connection is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
        {
            return;
        }

        // Likewise on PostgreSQL: EF (migrations, the start check) probes for a database that is not created yet.
        if (exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.InvalidCatalogName })
        {
            return;
        }

        if (!DatabaseUnavailability.IsOutage(exception) || _outages.ShouldLog($"Database unavailable: {exception.GetType().Name}: {exception.Message}"))
        {
            LogDatabaseUnavailable(_logger, exception, exception.Message);
        }
    }

    [LoggerMessage(EventId = 9101, EventName = "DatabaseCommandFailed", Level = LogLevel.Error, Message = "A database command failed: {CommandText}")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string commandText);

    [LoggerMessage(EventId = 9102, EventName = "DatabaseUnavailable", Level = LogLevel.Error, Message = "The database could not be reached: {Error}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string error);
}
