using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Opens the index at startup and, when it is missing, outdated, damaged or half-built,
/// rebuilds it in the background from every registered <see cref="ISearchSource"/>.
/// </summary>
internal sealed partial class SearchIndexRebuildService(
    ISearchIndex index, IEnumerable<ISearchSource> sources, ILogger<SearchIndexRebuildService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = sources.ToList();
        if (!index.NeedsRebuild || all.Count == 0)
        {
            return;
        }

        LogStarting(logger, index.OpenState, all.Count);
        try
        {
            await index.RebuildAsync(all, progress: null, stoppingToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // Another rebuild (started from the admin page) already covers it, or a source is misconfigured.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index is {State}; rebuilding from {Sources} sources")]
    private static partial void LogStarting(ILogger logger, IndexOpenState state, int sources);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index rebuild did not run to completion")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
