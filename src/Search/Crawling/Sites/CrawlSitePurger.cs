using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;

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
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The rows go with their feed entries in one transaction (an outbox): no node keeps a purged page.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionDisposal = transaction.ConfigureAwait(false);
            documentIds = await db.CrawlPages.Where(p => p.Site == key && p.DocumentId != null).Select(p => p.DocumentId!)
                .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.CrawlPages.Where(p => p.Site == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.CrawlCheckpoints.Where(c => c.Site == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            AddDeletes(db, documentIds);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await status.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        RemoveFromIndex(documentIds);
        return documentIds.Count;
    }

    /// <summary>Adds a feed entry per removed document to <paramref name="db"/>, written by its next save.</summary>
    public void AddDeletes(ISearchDbContext db, IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var id in documentIds)
        {
            changes.Add(db, SearchSources.Web, id, SearchChangeKind.Delete);
        }
    }

    /// <summary>Removes documents whose rows are gone from this node's index, searchable at once.</summary>
    public void RemoveFromIndex(IReadOnlyCollection<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        foreach (var id in documentIds)
        {
            index.Delete(id);
        }

        index.Refresh();
    }
}
