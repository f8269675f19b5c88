using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;

namespace GatewayPortal.Wiki.Pages;

/// <summary>
/// Keyset paging over rows tied to pages, dropping rows on pages the actor may not read, so restricted pages never leak
/// into recent changes or backlinks. Fetches in batches until the page is full.
/// </summary>
internal sealed class ReadablePager(IWikiDbContext db, IWikiAccessPolicy policy)
{
    private readonly WikiAccessRulesLoader _rules = new(db);

    /// <summary>A fetch of up to <c>take</c> rows strictly after <c>cursor</c> in list order.</summary>
    public delegate Task<List<(WikiPage Page, T Item, long Cursor)>> Fetch<T>(long? cursor, int take);

    public async Task<PagedResult<T>> PageAsync<T>(Fetch<T> fetch, long? cursor, int limit, WikiActor actor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var items = new List<T>(limit);
        var batchSize = limit + 1;
        while (true)
        {
            var batch = await fetch(cursor, batchSize).ConfigureAwait(false);
            var rules = await _rules.LoadManyAsync([.. batch.Select(r => r.Page).DistinctBy(p => p.Id)], [], cancellationToken).ConfigureAwait(false);
            foreach (var row in batch.Where(r => policy.CanRead(actor, rules.For(r.Page))))
            {
                if (items.Count == limit)
                {
                    return new PagedResult<T>(items, cursor);
                }

                items.Add(row.Item);
                cursor = row.Cursor;
            }

            if (batch.Count < batchSize)
            {
                return new PagedResult<T>(items, null);
            }

            cursor = batch[^1].Cursor;
        }
    }
}
