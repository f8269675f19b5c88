using GatewayPortal.Identity.Applications;
using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>Brings the applications' search documents on this node in line with the registry after a change.</summary>
public sealed class ApplicationSearchUpdater(IDbContextFactory<PortalDbContext> contexts, ApplicationCatalogue catalogue, ISearchIndex index)
{
    /// <summary>The change feed's key for "every application".</summary>
    public const string AllKey = "*";

    /// <summary>
    /// Forgets the catalogue held in memory, then re-indexes the application <paramref name="key"/> (a client id, or
    /// <see cref="AllKey"/> for all): launchable ones are indexed, retired or unknown ones removed. Visible at the next refresh.
    /// </summary>
    public async Task ApplyAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        catalogue.Invalidate();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var launchable = (await catalogue.GetLaunchableAsync(db, cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.ClientId, StringComparer.Ordinal);
        var clientIds = key == AllKey
            ? await db.Applications.AsNoTracking().Select(a => a.ClientId).ToListAsync(cancellationToken).ConfigureAwait(false)
            : [key];

        index.Upsert([.. clientIds.Where(launchable.ContainsKey).Select(id => ApplicationSearchSource.ToDocument(launchable[id]))]);
        foreach (var id in clientIds.Where(id => !launchable.ContainsKey(id)))
        {
            index.Delete(DocumentIdOf(id));
        }
    }

    /// <summary>The search document id of an application (as <see cref="ApplicationSearchSource.ToDocument"/> makes it).</summary>
    public static string DocumentIdOf(string clientId) => "app:" + clientId;
}
