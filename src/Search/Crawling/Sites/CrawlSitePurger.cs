using GatewayPortal.Search.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Scheduling;

namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>Takes crawled documents out of search on every node, and a deleted site's state out of the database.</summary>
public sealed class CrawlSitePurger(ISearchDbContextFactory contexts, CrawlStatusStore status, ISearchIndex index, ISearchChangeFeed changes)
{
    /// <summary>
    /// Deletes the site's page rows, checkpoint and status; its documents leave this node's index at once and the other
    /// nodes' through the change feed. Returns how many documents went.
    /// </summary>
    public async Task<int> PurgeSiteAsync(string key, CancellationToken cancellationToken)
    {
        List<string> documentIds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            documentIds = await db.CrawlPages.Where(p => p.Site == key && p.DocumentId != null).Select(p => p.DocumentId!)
                .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.CrawlPages.Where(p => p.Site == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.CrawlCheckpoints.Where(c => c.Site == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await status.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        await RemoveDocumentsAsync(documentIds, cancellationToken).ConfigureAwait(false);
        return documentIds.Count;
    }

    /// <summary>Removes documents whose rows are gone from this node's index and publishes each removal.</summary>
    public async Task RemoveDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var id in documentIds)
        {
            index.Delete(id);
        }

        index.Refresh();
        foreach (var id in documentIds)
        {
            await changes.PublishAsync(SearchSources.Web, id, SearchChangeKind.Delete, cancellationToken).ConfigureAwait(false);
        }
    }
}
