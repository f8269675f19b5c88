using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Storage;

/// <summary>Lookups shared by the wiki services.</summary>
internal static class WikiDbContextExtensions
{
    public static Task<WikiPage?> FindPageAsync(this IWikiDbContext db, WikiTitle title, CancellationToken cancellationToken) =>
        db.WikiPages.SingleOrDefaultAsync(p => p.SpaceKey == title.Space && p.Title == title.Name, cancellationToken);

    public static Task<WikiRevision?> FindRevisionAsync(this IWikiDbContext db, long? revisionId, CancellationToken cancellationToken) =>
        revisionId is { } id
            ? db.WikiRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            : Task.FromResult<WikiRevision?>(null);

    public static WikiTitle ToTitle(this WikiPage page) => new(page.SpaceKey, page.Title);
}
