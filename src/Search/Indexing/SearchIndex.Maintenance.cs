using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Indexing;

/// <summary>Background refresh and periodic commits; the final commit on dispose.</summary>
public sealed partial class SearchIndex
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _commitLock = new();
    private readonly Task _maintenance;
    private bool _complete;

    /// <summary>Commits pending writes to disk now.</summary>
    public void Commit() => CommitCore(_complete);

    /// <summary>Stops the background work, commits and closes the index.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        // The loop only ever ends by cancellation; wait so no refresh races the close.
        _maintenance.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        CommitCore(_complete, closed: true);
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _stopping.Dispose();
        _rebuildGate.Dispose();
    }

    private void CommitCore(bool complete, bool closed = false)
    {
        lock (_commitLock)
        {
            _complete = complete;
            _writer.SetCommitData(IndexCommitData.Create(complete, closed));
            _writer.Commit();
        }
    }

    private async Task MaintainAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.RefreshInterval, _time);
        var lastCommit = _time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            try
            {
                if (Interlocked.Exchange(ref _pendingRefresh, 0) == 1)
                {
                    _searchers.MaybeRefresh();
                }

                if (_time.GetElapsedTime(lastCommit) >= _options.CommitInterval)
                {
                    lastCommit = _time.GetTimestamp();
                    if (_writer.HasUncommittedChanges())
                    {
                        Commit();
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                LogMaintenanceFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index refresh or commit failed")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
