using System.Globalization;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Applies a wiki page named in the change feed by re-reading it from the database.</summary>
internal sealed class WikiSearchChangeHandler(IDbContextFactory<PortalDbContext> contexts, ISearchIndex index) : ISearchChangeHandler
{
    /// <inheritdoc/>
    public string Source => SearchSources.Wiki;

    /// <inheritdoc/>
    public async Task<bool> ApplyAsync(string key, CancellationToken cancellationToken)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var pageId))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await WikiSearchUpdater.ApplyAsync(db, index, pageId, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
