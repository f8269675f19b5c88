using System.Runtime.CompilerServices;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Every live wiki page's current revision, visible to the groups allowed to read it.</summary>
public sealed class WikiSearchSource(IDbContextFactory<PortalDbContext> contexts) : ISearchSource
{
    private const int BatchSize = 200;

    /// <inheritdoc/>
    public string Name => SearchSources.Wiki;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = 0L;
        while (true)
        {
            List<(long PageId, SearchDocument Document)> batch;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                batch = await WikiSearchDocuments.LoadAsync(db, afterId, BatchSize, onlyPageId: null, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (_, document) in batch)
            {
                yield return document;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            afterId = batch[^1].PageId;
        }
    }
}
