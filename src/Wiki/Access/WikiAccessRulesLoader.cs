using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Access;

/// <summary>Loads effective <see cref="WikiAccessRules"/>: page rules of a kind replace the space's rules of that kind.</summary>
internal sealed class WikiAccessRulesLoader(IWikiDbContext db)
{
    /// <summary>The rules of one page, or of a not-yet-created page in <paramref name="spaceKey"/> when <paramref name="page"/> is null.</summary>
    public async Task<WikiAccessRules> LoadAsync(WikiPage? page, string spaceKey, CancellationToken cancellationToken)
    {
        var all = await LoadManyAsync(page is null ? [] : [page], [spaceKey], cancellationToken).ConfigureAwait(false);
        return page is null ? Combine([], all.Space(spaceKey), false) : all.For(page);
    }

    /// <summary>The rules of many pages in two queries.</summary>
    public async Task<PageRules> LoadManyAsync(IReadOnlyCollection<WikiPage> pages, IReadOnlyCollection<string> extraSpaces, CancellationToken cancellationToken)
    {
        var pageIds = pages.Select(p => (long?)p.Id).ToList();
        var spaces = pages.Select(p => (string?)p.SpaceKey).Concat(extraSpaces).Distinct().ToList();
        var rules = await db.WikiPagePermissions.AsNoTracking()
            .Where(r => pageIds.Contains(r.PageId) || (r.PageId == null && spaces.Contains(r.SpaceKey)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PageRules(rules);
    }

    private static WikiAccessRules Combine(IReadOnlyCollection<WikiPagePermission> pageRules, IReadOnlyCollection<WikiPagePermission> spaceRules, bool isProtected)
    {
        return new WikiAccessRules(Groups(WikiAccessKind.Read), Groups(WikiAccessKind.Edit), isProtected);

        string[] Groups(WikiAccessKind kind)
        {
            var own = pageRules.Where(r => r.Access == kind).Select(r => r.Group).ToArray();
            return own.Length > 0 ? own : [.. spaceRules.Where(r => r.Access == kind).Select(r => r.Group)];
        }
    }

    /// <summary>Rules loaded for a batch of pages.</summary>
    internal sealed class PageRules(List<WikiPagePermission> rules)
    {
        public IReadOnlyCollection<WikiPagePermission> Space(string spaceKey) =>
            [.. rules.Where(r => r.PageId is null && string.Equals(r.SpaceKey, spaceKey, StringComparison.Ordinal))];

        public WikiAccessRules For(WikiPage page) =>
            Combine([.. rules.Where(r => r.PageId == page.Id)], Space(page.SpaceKey), page.IsProtected);
    }
}
