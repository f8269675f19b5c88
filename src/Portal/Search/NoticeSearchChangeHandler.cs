using System.Globalization;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Applies a notice named in the change feed by re-reading it from the database.</summary>
internal sealed class NoticeSearchChangeHandler(IDbContextFactory<PortalDbContext> contexts, ISearchIndex index, TimeProvider time) : ISearchChangeHandler
{
    /// <inheritdoc/>
    public string Source => SearchSources.Notice;

    /// <inheritdoc/>
    public async Task<bool> ApplyAsync(string key, CancellationToken cancellationToken)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var postId))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await NoticeSearchUpdater.ApplyAsync(db, index, postId, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
