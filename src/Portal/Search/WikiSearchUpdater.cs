using GatewayPortal.Search.Indexing;
using GatewayPortal.Wiki.Storage;

namespace GatewayPortal.Portal.Search;

/// <summary>Brings one wiki page's search document in line with the database right after a change.</summary>
public sealed class WikiSearchUpdater(IWikiDbContext db, ISearchIndex index)
{
    /// <summary>Re-indexes the page, or removes it when it is deleted, a redirect or gone.</summary>
    public async Task UpdateAsync(long pageId, CancellationToken cancellationToken)
    {
        var documents = await WikiSearchDocuments.LoadAsync(db, 0, 1, pageId, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            index.Delete(WikiSearchDocuments.IdOf(pageId));
        }
        else
        {
            index.Upsert([documents[0].Document]);
        }

        // The editor redirects to the page right away; make the change searchable now rather than at the next tick.
        index.Refresh();
    }
}
