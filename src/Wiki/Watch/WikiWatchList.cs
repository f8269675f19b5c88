using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Watch;

/// <summary>
/// The watch list in <c>wiki_watches</c>, with the pages a person edited found in the revisions (no row needed, no limit).
/// </summary>
public sealed partial class WikiWatchList(IWikiDbContext db, IWikiAccessPolicy policy, IOptions<WikiOptions> options, TimeProvider time)
    : IWikiWatchList, IWikiWatchPages
{
    private readonly WikiAccessRulesLoader _rules = new(db);
    private readonly ReadablePager _pager = new(db, policy);

    /// <inheritdoc/>
    public Task<bool> IsWatchingAsync(string subject, long pageId, CancellationToken cancellationToken = default) =>
        db.WikiWatches.AnyAsync(w => w.Subject == subject && w.PageId == pageId, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Answers false, changing nothing, when the page cannot be watched (see <see cref="SetWatchingAsync"/>).</remarks>
    public async Task<bool> ToggleAsync(WikiActor actor, long pageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var watching = await IsWatchingAsync(actor.Subject, pageId, cancellationToken).ConfigureAwait(false);
        return await SetWatchingAsync(actor, pageId, !watching, cancellationToken).ConfigureAwait(false) == WikiWatchResult.Watching;
    }

    /// <inheritdoc/>
    public async Task<WikiWatchResult> SetWatchingAsync(WikiActor actor, long pageId, bool watch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var page = await db.WikiPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return WikiWatchResult.NotFound;
        }

        if (!watch)
        {
            await db.WikiWatches.Where(w => w.Subject == actor.Subject && w.PageId == pageId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return WikiWatchResult.NotWatching;
        }

        var rules = await _rules.LoadAsync(page, page.SpaceKey, cancellationToken).ConfigureAwait(false);
        if (page.DeletedAt is not null || !policy.CanRead(actor, rules))
        {
            return WikiWatchResult.NotFound;
        }

        if (await IsWatchingAsync(actor.Subject, pageId, cancellationToken).ConfigureAwait(false))
        {
            return WikiWatchResult.Watching;
        }

        if (await db.WikiWatches.CountAsync(w => w.Subject == actor.Subject, cancellationToken).ConfigureAwait(false) >= options.Value.MaxWatchedPages)
        {
            return WikiWatchResult.LimitReached;
        }

        var row = new WikiWatch { Subject = actor.Subject, PageId = pageId, CreatedAt = time.GetUtcNow() };
        db.WikiWatches.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same person's other request may have inserted the row first (unique subject and page).
            db.ChangeTracker.Clear();
            if (!await IsWatchingAsync(actor.Subject, pageId, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }

        return WikiWatchResult.Watching;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WikiPageRef>> GetWatchedPagesAsync(WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var pages = await db.WikiWatches.AsNoTracking()
            .Where(w => w.Subject == actor.Subject)
            .Join(db.WikiPages.AsNoTracking(), w => w.PageId, p => p.Id, (w, p) => p)
            .Where(p => p.DeletedAt == null)
            .OrderBy(p => p.SpaceKey).ThenBy(p => p.Title)
            .Take(options.Value.MaxWatchedPages)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rules = await _rules.LoadManyAsync(pages, [], cancellationToken).ConfigureAwait(false);
        return [.. pages.Where(p => policy.CanRead(actor, rules.For(p))).Select(p => new WikiPageRef(p.Id, p.ToTitle(), p.RedirectToPageId is not null))];
    }
}
