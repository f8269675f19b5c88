using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <inheritdoc cref="IWikiPageList"/>
/// <remarks>By title the cursor is the position in the list (offset paging); by last edit it is the current revision id (keyset).</remarks>
public sealed class WikiPageList(IWikiDbContext db, IWikiAccessPolicy policy) : IWikiPageList
{
    private readonly ReadablePager _pager = new(db, policy);

    /// <inheritdoc/>
    public Task<PagedResult<WikiPageListItem>> ListAsync(WikiPageListQuery query, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _pager.PageAsync(FetchAsync, query.After, query.Limit, actor, cancellationToken);

        async Task<List<(WikiPage, WikiPageListItem, long)>> FetchAsync(long? cursor, int take)
        {
            var live = db.WikiPages.AsNoTracking()
                .Where(p => p.DeletedAt == null && p.RedirectToPageId == null && p.CurrentRevisionId != null && (query.Space == null || p.SpaceKey == query.Space));
            List<WikiPage> pages;
            if (query.Order == WikiPageListOrder.Recent)
            {
                pages = await live.Where(p => cursor == null || p.CurrentRevisionId < cursor).OrderByDescending(p => p.CurrentRevisionId)
                    .Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                pages = await live.OrderBy(p => p.SpaceKey).ThenBy(p => p.Title).Skip((int)Math.Clamp(cursor ?? 0, 0, int.MaxValue))
                    .Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            var revisionIds = pages.Select(p => p.CurrentRevisionId!.Value).ToList();
            var revisions = await db.WikiRevisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id)).Select(WikiRevisionInfo.Projection)
                .ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
            var offset = cursor ?? 0;
            return [.. pages.Select((p, i) => (p, new WikiPageListItem(p.ToTitle(), revisions[p.CurrentRevisionId!.Value]),
                query.Order == WikiPageListOrder.Recent ? p.CurrentRevisionId!.Value : offset + i + 1))];
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GetSpacesAsync(CancellationToken cancellationToken = default) =>
        await db.WikiPages.AsNoTracking().Where(p => p.DeletedAt == null && p.RedirectToPageId == null)
            .Select(p => p.SpaceKey).Distinct().OrderBy(k => k).ToListAsync(cancellationToken).ConfigureAwait(false);
}
