using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>After an administrator changes the application registry: re-index the applications here and tell the other nodes.</summary>
internal sealed partial class ApplicationRegistrySearchListener(
    ApplicationSearchUpdater updater, ISearchIndex index, ISearchChangeFeed feed, ILogger<ApplicationRegistrySearchListener> logger)
    : IApplicationRegistryListener
{
    /// <inheritdoc/>
    public async Task RegistryChangedAsync(CancellationToken cancellationToken)
    {
        // The change is committed: the administrator's request must not fail because of search.
        try
        {
            await updater.ApplyAsync(ApplicationSearchUpdater.AllKey, CancellationToken.None).ConfigureAwait(false);
            index.Refresh();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex);
        }

        try
        {
            await feed.PublishAsync(SearchSources.Application, ApplicationSearchUpdater.AllKey, SearchChangeKind.Upsert, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applications could not be re-indexed on this node after a registry change")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A registry change could not be published to the other nodes")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
