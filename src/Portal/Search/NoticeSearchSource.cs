using System.Runtime.CompilerServices;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Every live notice, for a full index rebuild.</summary>
public sealed class NoticeSearchSource(IDbContextFactory<PortalDbContext> contexts, TimeProvider time) : ISearchSource
{
    private const int BatchSize = 200;

    /// <inheritdoc/>
    public string Name => SearchSources.Notice;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = 0L;
        var now = time.GetUtcNow().UtcDateTime;
        while (true)
        {
            List<(long PostId, SearchDocument Document)> batch;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                batch = await NoticeSearchDocuments.LoadAsync(db, afterId, BatchSize, onlyPostId: null, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (_, document) in batch)
            {
                yield return document;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            afterId = batch[^1].PostId;
        }
    }
}
