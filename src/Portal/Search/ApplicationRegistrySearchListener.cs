using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// After an administrator changes the application registry: re-index the applications here at once (the other nodes
/// follow the feed row that committed with the change, <see cref="SearchChangeOutbox"/>).
/// </summary>
internal sealed partial class ApplicationRegistrySearchListener(
    ApplicationSearchUpdater updater, ISearchIndex index, ILogger<ApplicationRegistrySearchListener> logger)
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applications could not be re-indexed on this node after a registry change")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception);
}
