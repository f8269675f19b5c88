using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Pages;

/// <inheritdoc cref="IWikiReader"/>
public sealed class WikiReader(IWikiDbContext db, IWikiAccessPolicy policy) : IWikiReader
{
    private readonly WikiAccessRulesLoader _rules = new(db);
    private readonly ReadablePager _pager = new(db, policy);

    /// <inheritdoc/>
    public async Task<WikiPageLookup> GetPageAsync(string space, string title, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!WikiTitle.TryParse(title, space, out var parsed, out var error))
        {
            return new WikiPageLookup(WikiLookupStatus.InvalidTitle, TitleError: error);
        }

        var page = await db.WikiPages.AsNoTracking().SingleOrDefaultAsync(p => p.SpaceKey == parsed.Space && p.Title == parsed.Name, cancellationToken).ConfigureAwait(false);
        if (page is null)
        {
            return new WikiPageLookup(WikiLookupStatus.NotFound);
        }

        var rules = await _rules.LoadAsync(page, page.SpaceKey, cancellationToken).ConfigureAwait(false);
        if (page.DeletedAt is not null && !actor.IsAdmin)
        {
            return new WikiPageLookup(WikiLookupStatus.Deleted);
        }

        if (!policy.CanRead(actor, rules))
        {
            return new WikiPageLookup(WikiLookupStatus.Forbidden);
        }

        var revision = await db.FindRevisionAsync(page.CurrentRevisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A wiki page has no current revision.");
        var redirect = page.RedirectToPageId is { } targetId
            ? await db.WikiPages.AsNoTracking().Where(p => p.Id == targetId).Select(p => new WikiTitle(p.SpaceKey, p.Title)).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var view = new WikiPageView(page.Id, page.ToTitle(), WikiRevisionInfo.From(revision), revision.Text, page.IsProtected,
            page.DeletedAt is not null, redirect, policy.CanEdit(actor, rules) == WikiEditDecision.Allowed && page.DeletedAt is null);
        return new WikiPageLookup(WikiLookupStatus.Found, view);
    }

    /// <inheritdoc/>
    public async Task<WikiRevisionView?> GetRevisionAsync(long revisionId, WikiActor actor, CancellationToken cancellationToken = default)
    {
        var revision = await db.FindRevisionAsync(revisionId, cancellationToken).ConfigureAwait(false);
        var page = revision is null ? null : await ReadablePageAsync(revision.PageId, actor, cancellationToken).ConfigureAwait(false);
        return page is null || revision is null ? null : new WikiRevisionView(page.ToTitle(), WikiRevisionInfo.From(revision), revision.Text);
    }

    /// <inheritdoc/>
    public async Task<PagedResult<WikiRevisionInfo>?> GetHistoryAsync(long pageId, WikiActor actor, long? before = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (await ReadablePageAsync(pageId, actor, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var revisions = await db.WikiRevisions.AsNoTracking()
            .Where(r => r.PageId == pageId && (before == null || r.Id < before))
            .OrderByDescending(r => r.Id)
            .Take(limit + 1)
            .Select(WikiRevisionInfo.Projection)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return revisions.Count > limit
            ? new PagedResult<WikiRevisionInfo>(revisions[..limit], revisions[limit - 1].Id)
            : new PagedResult<WikiRevisionInfo>(revisions, null);
    }

    /// <inheritdoc/>
    public Task<PagedResult<RecentChange>> GetRecentChangesAsync(RecentChangesQuery query, WikiActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _pager.PageAsync(FetchAsync, query.Before, query.Limit, actor, cancellationToken);

        async Task<List<(WikiPage, RecentChange, long)>> FetchAsync(long? before, int take)
        {
            var infos = await db.WikiRevisions.AsNoTracking()
                .Where(r => (before == null || r.Id < before)
                    && (query.AuthorSubject == null || r.AuthorSubject == query.AuthorSubject)
                    && (!query.HideMinor || !r.IsMinor)
                    && db.WikiPages.Any(p => p.Id == r.PageId && p.DeletedAt == null && (query.Space == null || p.SpaceKey == query.Space)))
                .OrderByDescending(r => r.Id)
                .Take(take)
                .Select(WikiRevisionInfo.Projection)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var pageIds = infos.Select(i => i.PageId).Distinct().ToList();
            var pages = await db.WikiPages.AsNoTracking().Where(p => pageIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
            return [.. infos.Select(i => (pages[i.PageId], new RecentChange(pages[i.PageId].ToTitle(), i), i.Id))];
        }
    }

    /// <inheritdoc/>
    public Task<PagedResult<WikiPageRef>> GetBacklinksAsync(string space, string title, WikiActor actor, long? after = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        if (!WikiTitle.TryParse(title, space, out var target, out _))
        {
            return Task.FromResult(new PagedResult<WikiPageRef>([], null));
        }

        return _pager.PageAsync(FetchAsync, after, limit, actor, cancellationToken);

        async Task<List<(WikiPage, WikiPageRef, long)>> FetchAsync(long? cursor, int take)
        {
            var pages = await db.WikiLinks.AsNoTracking()
                .Where(l => l.ToSpaceKey == target.Space && l.ToTitle == target.Name)
                .Join(db.WikiPages.AsNoTracking(), l => l.FromPageId, p => p.Id, (l, p) => p)
                .Where(p => p.DeletedAt == null && (cursor == null || p.Id > cursor))
                .OrderBy(p => p.Id)
                .Take(take)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. pages.Select(p => (p, new WikiPageRef(p.Id, p.ToTitle(), p.RedirectToPageId is not null), p.Id))];
        }
    }

    private async Task<WikiPage?> ReadablePageAsync(long pageId, WikiActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var page = await db.WikiPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId, cancellationToken).ConfigureAwait(false);
        if (page is null || (page.DeletedAt is not null && !actor.IsAdmin))
        {
            return null;
        }

        var rules = await _rules.LoadAsync(page, page.SpaceKey, cancellationToken).ConfigureAwait(false);
        return policy.CanRead(actor, rules) ? page : null;
    }
}
