using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Watch;

public sealed partial class WikiWatchList
{
    /// <summary>The most entries one call returns.</summary>
    public const int MaxChanges = 200;

    /// <inheritdoc/>
    /// <remarks>
    /// A page appears when its current revision is by someone else (as MediaWiki's watch list with "latest revision only" and
    /// "hide my edits"): once the person edits a page again, they have seen what came before. The query starts from the
    /// person's own pages (watch rows and the (author, page) index of revisions), so its cost follows the number of those
    /// pages, not the size of the wiki; restricted pages are dropped in batches as recent changes drops them.
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
            var mine = db.WikiWatches.Where(w => w.Subject == subject).Select(w => w.PageId)
                .Union(db.WikiRevisions.Where(r => r.AuthorSubject == subject).Select(r => r.PageId));
            var rows = await mine
                .Join(db.WikiPages, id => id, p => p.Id, (id, p) => p)
                .Join(db.WikiRevisions, p => p.CurrentRevisionId, r => (long?)r.Id, (p, r) => new { Page = p, Revision = r })
                .Where(x => x.Page.DeletedAt == null && x.Revision.AuthorSubject != subject && (before == null || x.Revision.Id < before))
                .OrderByDescending(x => x.Revision.Id)
                .Take(take)
                .Select(x => new
                {
                    x.Page,
                    Info = new WikiRevisionInfo(x.Revision.Id, x.Revision.PageId, x.Revision.ParentRevisionId, x.Revision.AuthorSubject,
                        x.Revision.AuthorName, x.Revision.CreatedAt, x.Revision.Summary, x.Revision.IsMinor, x.Revision.Size, x.Revision.SizeDelta),
                })
                .AsNoTracking()
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(x => (x.Page, new RecentChange(x.Page.ToTitle(), x.Info), x.Info.Id))];
        }
    }
}
