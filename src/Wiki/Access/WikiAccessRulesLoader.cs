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

    /// <summary>
    /// The rules of many pages in one query, plus one for the targets of redirect pages among them: a redirect inherits its
    /// target's restrictions, so a page moved behind a read or edit rule does not leave its new title readable under the old one.
    /// </summary>
    public async Task<PageRules> LoadManyAsync(IReadOnlyCollection<WikiPage> pages, IReadOnlyCollection<string> extraSpaces, CancellationToken cancellationToken)
    {
        var targetIds = pages.Where(p => p.RedirectToPageId is not null).Select(p => p.RedirectToPageId!.Value).Distinct().ToList();
        var targets = targetIds.Count == 0 ? [] : await db.WikiPages.AsNoTracking().Where(p => targetIds.Contains(p.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var all = pages.Concat(targets).ToList();
        var pageIds = all.Select(p => (long?)p.Id).Distinct().ToList();
        var spaces = all.Select(p => (string?)p.SpaceKey).Concat(extraSpaces).Distinct().ToList();
        var rules = await db.WikiPagePermissions.AsNoTracking()
            .Where(r => pageIds.Contains(r.PageId) || (r.PageId == null && spaces.Contains(r.SpaceKey)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PageRules(rules, targets.ToDictionary(p => p.Id));
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

    /// <summary>Rules loaded for a batch of pages (and the targets of the redirects among them).</summary>
    internal sealed class PageRules(List<WikiPagePermission> rules, Dictionary<long, WikiPage> redirectTargets)
    {
        public IReadOnlyCollection<WikiPagePermission> Space(string spaceKey) =>
            [.. rules.Where(r => r.PageId is null && string.Equals(r.SpaceKey, spaceKey, StringComparison.Ordinal))];

        /// <summary>The page's rules; for a redirect, each kind of its target's rules (when it has any) replaces its own, and protection adds up.</summary>
        public WikiAccessRules For(WikiPage page)
        {
            var own = Own(page);
            if (page.RedirectToPageId is not { } targetId || !redirectTargets.TryGetValue(targetId, out var target))
            {
                return own;
            }

            var inherited = Own(target);
            return new WikiAccessRules(
                inherited.ReadGroups.Count > 0 ? inherited.ReadGroups : own.ReadGroups,
                inherited.EditGroups.Count > 0 ? inherited.EditGroups : own.EditGroups,
                own.IsProtected || inherited.IsProtected);
        }

        private WikiAccessRules Own(WikiPage page) =>
            Combine([.. rules.Where(r => r.PageId == page.Id)], Space(page.SpaceKey), page.IsProtected);
    }
}
