using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Storage;

/// <summary><see cref="IWikiLinkResolver"/> over the pages table: one query per render; deleted pages count as missing.</summary>
public sealed class WikiDbLinkResolver(IWikiDbContext db) : IWikiLinkResolver
{
    /// <inheritdoc/>
    public async Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var spaces = titles.Select(t => t.Space).Distinct().ToList();
        var names = titles.Select(t => t.Name).Distinct().ToList();
        var candidates = await db.WikiPages.AsNoTracking()
            .Where(p => p.DeletedAt == null && spaces.Contains(p.SpaceKey) && names.Contains(p.Title))
            .Select(p => new WikiTitle(p.SpaceKey, p.Title))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return candidates.Where(titles.Contains).ToHashSet();
    }
}
