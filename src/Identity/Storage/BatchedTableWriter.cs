using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Storage;

/// <summary>
/// Queues rows and writes them in batches, so that a busy morning costs one insert transaction per
/// batch instead of one per sign-in. Retries a failed batch a few times and drains the queue on shutdown.
/// </summary>
internal abstract partial class BatchedTableWriter<TRow>(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    ILogger logger) : BackgroundService
    where TRow : class
{
    private const int MaxBatch = 500;

    private readonly Channel<TRow> _queue = Channel.CreateBounded<TRow>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>What the rows are, for log messages.</summary>
    protected abstract string RowsName { get; }

    /// <summary>Creates the scopes a database context is taken from.</summary>
    protected IServiceScopeFactory ScopeFactory => scopeFactory;

    /// <summary>The clock rows are stamped with.</summary>
    protected TimeProvider Time => timeProvider;

    /// <summary>Adds one row to the queue (waits only when 20,000 rows are already waiting).</summary>
    protected ValueTask EnqueueAsync(TRow row, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(row, cancellationToken);

    /// <summary>Adds <paramref name="batch"/> to <paramref name="db"/>; the caller saves.</summary>
    protected abstract Task AddBatchAsync(IIdentityDbContext db, IReadOnlyList<TRow> batch, CancellationToken cancellationToken);

    /// <summary>Called once <paramref name="batch"/> is saved.</summary>
    protected virtual void OnBatchWritten(IReadOnlyList<TRow> batch)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TRow>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through and write what is left.
        }

        await DrainAsync(batch, CancellationToken.None).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes every queued row now. For a host that does not run this service (the operator command line); a node's own
    /// loop must not run at the same time (the queue has a single reader).
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken) => DrainAsync(new List<TRow>(MaxBatch), cancellationToken);

    /// <summary>Cuts <paramref name="value"/> to the column's length.</summary>
    protected static string? Cut(string? value, int max) =>
        value is { Length: > 0 } && value.Length > max ? value[..max] : value;

    private async Task DrainAsync(List<TRow> batch, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
            if (batch.Count == MaxBatch)
            {
                await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<TRow> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var scope = scopeFactory.CreateAsyncScope();
                await using var scopeDisposal = scope.ConfigureAwait(false);
                var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
                await AddBatchAsync(db, batch, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                OnBatchWritten(batch);
                batch.Clear();
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is not OperationCanceledException)
            {
                LogWriteRetry(logger, ex, batch.Count, RowsName, attempt);
                // Wall-clock back-off (not the row clock, which tests may hold still).
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogWriteFailed(logger, ex, batch.Count, RowsName);
                batch.Clear();
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} {Rows} failed (attempt {Attempt}); retrying")]
    private static partial void LogWriteRetry(ILogger logger, Exception exception, int count, string rows, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} {Rows} failed; they are lost")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, string rows);
}
