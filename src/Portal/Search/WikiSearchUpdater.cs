using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Wiki.Storage;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Brings one wiki page's search document on this node in line with the database right after a change; the other nodes
/// follow the feed row that committed with the change (<see cref="SearchChangeOutbox"/>).
/// </summary>
public sealed partial class WikiSearchUpdater(IWikiDbContext db, ISearchIndex index, ILogger<WikiSearchUpdater> logger)
{
    /// <summary>
    /// Re-indexes the page on this node (or removes it when it is deleted, a redirect or gone), makes it searchable at
    /// once. The change and its feed row are committed already: failures are logged, never thrown.
    /// </summary>
    public async Task UpdateAsync(long pageId, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyAsync(pageId, cancellationToken).ConfigureAwait(false);

            // The editor redirects to the page right away; make the change searchable now rather than at the next tick.
            index.Refresh();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, pageId, ex);
        }
    }

    /// <summary>Re-indexes or removes the page on this node only (visible at the next refresh); what was done.</summary>
    public Task<SearchChangeKind> ApplyAsync(long pageId, CancellationToken cancellationToken) => ApplyAsync(db, index, pageId, cancellationToken);

    /// <summary>Re-indexes or removes the page in <paramref name="index"/> from <paramref name="db"/>; what was done.</summary>
    public static async Task<SearchChangeKind> ApplyAsync(IWikiDbContext db, ISearchIndex index, long pageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var documents = await WikiSearchDocuments.LoadAsync(db, 0, 1, pageId, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            index.Delete(WikiSearchDocuments.IdOf(pageId));
            return SearchChangeKind.Delete;
        }

        index.Upsert([documents[0].Document]);
        return SearchChangeKind.Upsert;
    }

    /// <summary>The change feed's key of a page.</summary>
    public static string KeyOf(long pageId) => pageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Wiki page {PageId} could not be re-indexed on this node")]
    private static partial void LogIndexFailed(ILogger logger, long pageId, Exception exception);
}
