using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Data;

/// <summary>
/// Records how long each database transaction stays open, BEGIN to COMMIT or ROLLBACK (histogram
/// <c>gatewayportal.db.transaction.duration</c>, meter <see cref="MeterName"/>). On SQLite that is how long the
/// database's single write lock is held (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE), during which every other
/// writer waits; the portal's goal is under 50 ms for any accepted input, and a slower transaction is logged.
/// </summary>
public sealed partial class TransactionDurationMeter : DbTransactionInterceptor
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "GatewayPortal.Database";

    /// <summary>The instrument's name.</summary>
    public const string InstrumentName = "gatewayportal.db.transaction.duration";

    private static readonly TimeSpan s_slow = TimeSpan.FromMilliseconds(50);
    private readonly ConditionalWeakTable<DbTransaction, StrongBox<long>> _started = [];
    private readonly Histogram<double> _duration;
    private readonly ILogger<TransactionDurationMeter> _logger;

    /// <summary>Creates the instrument on a meter from <paramref name="meterFactory"/>.</summary>
    public TransactionDurationMeter(IMeterFactory meterFactory, ILogger<TransactionDurationMeter> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _logger = logger;
        _duration = meterFactory.Create(MeterName).CreateHistogram<double>(InstrumentName, "s",
            "Time a database transaction stays open, BEGIN to COMMIT or ROLLBACK (on SQLite, the write lock's hold time).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
    }

    /// <inheritdoc/>
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _started.AddOrUpdate(result, new StrongBox<long>(Stopwatch.GetTimestamp()));
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    /// <inheritdoc/>
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "commit");

    /// <inheritdoc/>
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "commit");
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "rollback");

    /// <inheritdoc/>
    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "rollback");
        return Task.CompletedTask;
    }

    private void Ended(DbTransaction transaction, string outcome)
    {
        if (!_started.TryGetValue(transaction, out var started))
        {
            return;
        }

        _started.Remove(transaction);
        var elapsed = Stopwatch.GetElapsedTime(started.Value);
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        if (elapsed > s_slow)
        {
            LogSlow(_logger, elapsed.TotalMilliseconds, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A database transaction stayed open {Milliseconds:F0} ms before its {Outcome}; other writers waited.")]
    private static partial void LogSlow(ILogger logger, double milliseconds, string outcome);
}
