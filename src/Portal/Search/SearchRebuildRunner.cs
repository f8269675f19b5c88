using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Runs an administrator's full rebuild of this node's index in the background (every registered source, then the
/// staff directory), logging its progress; the admin page shows the live figures from <see cref="ISearchIndex.GetStatus"/>.
/// </summary>
public sealed partial class SearchRebuildRunner(
    ISearchIndex index,
    IEnumerable<ISearchSource> sources,
    PeopleSearchSource people,
    IHostApplicationLifetime lifetime,
    ILogger<SearchRebuildRunner> logger)
{
    private int _running;

    /// <summary>The last rebuild's outcome on this node (null before the first).</summary>
    public string? LastOutcome { get; private set; }

    /// <summary>Starts a rebuild unless one is running; false when one is.</summary>
    public bool TryStart(string requestedBy)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return false;
        }

        LogStarted(logger, requestedBy);
        _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping));
        return true;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var progress = new Progress<RebuildProgress>(p =>
            {
                if (p.SourceCompleted)
                {
                    LogSourceDone(logger, p.Source, p.SourceDocuments, p.SourceIndex + 1, p.SourceCount);
                }
            });
            var result = await index.RebuildAsync([.. sources, people], progress, stopping).ConfigureAwait(false);
            LastOutcome = string.Join(", ", result.DocumentsBySource.Select(s => $"{s.Key} {s.Value}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LastOutcome = ex.Message;
            LogFailed(logger, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild requested by {Administrator}")]
    private static partial void LogStarted(ILogger logger, string administrator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuild: {Source} done with {Documents} documents (source {Index} of {Count})")]
    private static partial void LogSourceDone(ILogger logger, string source, long documents, int index, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
