using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Watch;

public sealed partial class WikiWatchList
{
    /// <summary>The most entries one call returns.</summary>
    public const int MaxChanges = 200;

    /// <summary>How many of the most recently changed pages the first query looks through.</summary>
    internal const int RecentWindow = 500;

    /// <inheritdoc/>
    /// <remarks>
    /// A page appears when its current revision is by someone else (as MediaWiki's watch list with "latest revision only" and
    /// "hide my edits"): once the person edits a page again, they have seen what came before. Two plans, both reading only
    /// indexes and page rows (never revision texts): first the <see cref="RecentWindow"/> most recently changed pages of the
    /// wiki, kept when they are the person's; only when that finds too few, the person's own pages (watch rows and the
    /// (author, page, id) index of revisions), whose cost follows how many pages the person has. Restricted pages are then
    /// dropped in batches as recent changes drops them.
    /// </remarks>
    public async Task<IReadOnlyList<RecentChange>> GetChangesForAsync(WikiActor actor, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var subject = actor.Subject;
        var result = await _pager.PageAsync(FetchAsync, null, Math.Min(count, MaxChanges), actor, cancellationToken).ConfigureAwait(false);
        return result.Items;

        async Task<List<(WikiPage, RecentChange, long)>> FetchAsync(long? before, int take)
        {
            var pages = await Newest(ChangedByOthers(RecentlyChanged(before).Where(p => db.WikiWatches.Any(w => w.Subject == subject && w.PageId == p.Id)
                || db.WikiRevisions.Any(r => r.AuthorSubject == subject && r.PageId == p.Id)), subject), take).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (pages.Count < take)
            {
                var mine = db.WikiWatches.Where(w => w.Subject == subject).Select(w => w.PageId)
                    .Union(db.WikiRevisions.Where(r => r.AuthorSubject == subject).Select(r => r.PageId));
                var own = db.WikiPages.AsNoTracking().Where(p => mine.Contains(p.Id) && (before == null || p.CurrentRevisionId < before));
                pages = await Newest(ChangedByOthers(own, subject), take).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            var revisionIds = pages.Select(p => p.CurrentRevisionId!.Value).ToList();
            var infos = await db.WikiRevisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id)).Select(WikiRevisionInfo.Projection)
                .ToDictionaryAsync(i => i.Id, cancellationToken).ConfigureAwait(false);
            return [.. pages.Select(p => (p, new RecentChange(p.ToTitle(), infos[p.CurrentRevisionId!.Value]), p.CurrentRevisionId!.Value))];
        }
    }

    private IQueryable<WikiPage> RecentlyChanged(long? before) =>
        db.WikiPages.AsNoTracking().Where(p => p.CurrentRevisionId != null && (before == null || p.CurrentRevisionId < before))
            .OrderByDescending(p => p.CurrentRevisionId).Take(RecentWindow);

    // Live pages whose current revision is newer than the person's last one on the page. (Asking "is the current revision
    // mine" would read that revision's row, long text included; the maximum comes from the (author, page, id) index.)
    private IQueryable<WikiPage> ChangedByOthers(IQueryable<WikiPage> pages, string subject) =>
        pages.Where(p => p.DeletedAt == null
            && p.CurrentRevisionId != null
            && p.CurrentRevisionId > (db.WikiRevisions.Where(r => r.AuthorSubject == subject && r.PageId == p.Id).Max(r => (long?)r.Id) ?? 0));

    private static IQueryable<WikiPage> Newest(IQueryable<WikiPage> pages, int take) => pages.OrderByDescending(p => p.CurrentRevisionId).Take(take);
}
