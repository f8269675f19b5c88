using GatewayPortal.Search.Documents;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Builds search documents from wiki pages' current revisions, with their read restrictions.</summary>
internal static class WikiSearchDocuments
{
    /// <summary>The document id of a page.</summary>
    public static string IdOf(long pageId) => "wiki:" + pageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Documents of the live, non-redirect pages with ids after <paramref name="afterId"/> (at most <paramref name="take"/>), or of one page.</summary>
    public static async Task<List<(long PageId, SearchDocument Document)>> LoadAsync(
        IWikiDbContext db, long afterId, int take, long? onlyPageId, CancellationToken cancellationToken)
    {
        var query = db.WikiPages.AsNoTracking()
            .Where(p => p.DeletedAt == null && p.RedirectToPageId == null && p.CurrentRevisionId != null);
        query = onlyPageId is { } id ? query.Where(p => p.Id == id) : query.Where(p => p.Id > afterId);
        var pages = await query.OrderBy(p => p.Id).Take(take)
            .Join(db.WikiRevisions, p => p.CurrentRevisionId, r => (long?)r.Id, (p, r) => new { Page = p, r.Text, r.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pages.Count == 0)
        {
            return [];
        }

        var pageIds = pages.Select(p => (long?)p.Page.Id).ToList();
        var spaceKeys = pages.Select(p => p.Page.SpaceKey).Distinct().ToList();
        var rules = await db.WikiPagePermissions.AsNoTracking()
            .Where(r => r.Access == WikiAccessKind.Read && (pageIds.Contains(r.PageId) || (r.PageId == null && spaceKeys.Contains(r.SpaceKey!))))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var spaces = await db.WikiSpaces.AsNoTracking().Where(s => spaceKeys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Name, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        return [.. pages.Select(p => (p.Page.Id, ToDocument(p.Page, p.Text, p.CreatedAt, ReadGroups(p.Page, rules), spaces.GetValueOrDefault(p.Page.SpaceKey))))];
    }

    // The text as the page shows it (WikiPlainText), so neither the index nor a snippet holds Markdown.
    private static SearchDocument ToDocument(WikiPage page, string markdown, DateTimeOffset date, IEnumerable<string> readGroups, string? spaceName) =>
        ToDocument(page, WikiPlainText.Convert(markdown), date, readGroups, spaceName);

    private static SearchDocument ToDocument(WikiPage page, WikiPageText text, DateTimeOffset date, IEnumerable<string> readGroups, string? spaceName) => new()
    {
        Id = IdOf(page.Id),
        Source = SearchSources.Wiki,
        Title = page.Title,
        Headings = text.Headings,
        Body = WithoutTitleLine(text.Text, page.Title),
        Url = "/wiki/" + Uri.EscapeDataString(page.Slug),
        // The space's name: the result already says it is a wiki page, in the page's language.
        Breadcrumb = spaceName,
        Date = date,
        Language = "ko",
        AllowedPrincipals = PortalSearchPrincipals.ForGroups(readGroups),
    };

    // A page usually opens with its title as a heading: the result shows the title already, so the snippet starts after it.
    private static string WithoutTitleLine(string text, string title)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        return string.Equals(first.Trim(), title.Trim(), StringComparison.Ordinal) ? (end < 0 ? string.Empty : text[(end + 1)..]) : text;
    }

    // Page rules of a kind replace the space's rules of that kind (as WikiPagePermission documents).
    private static IEnumerable<string> ReadGroups(WikiPage page, List<WikiPagePermission> rules)
    {
        var own = rules.Where(r => r.PageId == page.Id).Select(r => r.Group).ToList();
        return own.Count > 0
            ? own
            : rules.Where(r => r.PageId == null && string.Equals(r.SpaceKey, page.SpaceKey, StringComparison.Ordinal)).Select(r => r.Group);
    }
}
