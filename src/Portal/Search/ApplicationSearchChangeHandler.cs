using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Portal.Search;

/// <summary>Applies an application (or all, key "*") named in the change feed by re-reading the registry.</summary>
internal sealed class ApplicationSearchChangeHandler(ApplicationSearchUpdater updater) : ISearchChangeHandler
{
    /// <inheritdoc/>
    public string Source => SearchSources.Application;

    /// <inheritdoc/>
    public async Task<bool> ApplyAsync(string key, CancellationToken cancellationToken)
    {
        await updater.ApplyAsync(key, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
