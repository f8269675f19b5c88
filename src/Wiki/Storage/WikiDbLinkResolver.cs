using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Storage;

/// <summary>
/// <see cref="IWikiLinkResolver"/> over the pages table: one query per space and <see cref="QueryBatches.Size"/> titles
/// (usually one query per render); deleted pages count as missing.
/// </summary>
public sealed class WikiDbLinkResolver(IWikiDbContext db) : IWikiLinkResolver
{
    /// <inheritdoc/>
    public async Task<IReadOnlySet<WikiTitle>> FindExistingAsync(IReadOnlyCollection<WikiTitle> titles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var existing = new HashSet<WikiTitle>();
        foreach (var space in titles.GroupBy(t => t.Space, StringComparer.Ordinal))
        {
            var key = space.Key;
            var found = await QueryBatches.ToListAsync(space.Select(t => t.Name), names => db.WikiPages.AsNoTracking()
                .Where(p => p.DeletedAt == null && p.SpaceKey == key && names.Contains(p.Title))
                .Select(p => p.Title), cancellationToken).ConfigureAwait(false);
            existing.UnionWith(found.Select(name => new WikiTitle(key, name)));
        }

        return existing;
    }
}
