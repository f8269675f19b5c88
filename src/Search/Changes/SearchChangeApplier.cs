using System.Globalization;
using System.Text.Json;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.Search.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Search.Changes;

/// <summary>
/// Applies other nodes' changes to this node's index by re-reading each named document from the database, so the
/// order in which changes arrive does not matter: the index ends up as the database is.
/// </summary>
internal sealed partial class SearchChangeApplier(
    IServiceScopeFactory scopes, ApplicationSearchUpdater applications, ISearchIndex index, ILogger<SearchChangeApplier> logger)
{
    /// <summary>Applies the changes (each document once) and makes them searchable. Database failures are thrown.</summary>
    public async Task ApplyAsync(IEnumerable<SearchChangeRow> changes, CancellationToken cancellationToken)
    {
        var documents = changes.Select(c => (Source: SearchSources.Normalize(c.Source), c.Key)).Distinct().ToList();
        if (documents.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        foreach (var (source, key) in documents)
        {
            switch (source)
            {
                case SearchSources.Wiki when long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var pageId):
                    await scope.ServiceProvider.GetRequiredService<WikiSearchUpdater>().ApplyAsync(pageId, cancellationToken).ConfigureAwait(false);
                    break;
                case SearchSources.Application:
                    await applications.ApplyAsync(key, cancellationToken).ConfigureAwait(false);
                    break;
                case SearchSources.Web:
                    await ApplyWebAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), key, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogIgnored(logger, source, key);
                    break;
            }
        }

        index.Refresh();
    }

    private async Task ApplyWebAsync(PortalDbContext db, string documentId, CancellationToken cancellationToken)
    {
        var json = await db.CrawlPages.AsNoTracking()
            .Where(p => p.DocumentId == documentId && p.DocumentJson != null)
            .Select(p => p.DocumentJson)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            index.Delete(documentId);
            return;
        }

        try
        {
            index.Upsert([CrawledDocumentJson.Deserialize(json)]);
        }
        catch (JsonException ex)
        {
            LogBadDocument(logger, documentId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search change for {Source} '{Key}' ignored: no such source or key")]
    private static partial void LogIgnored(ILogger logger, string source, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawled document {DocumentId} in the database is not readable; left as it was")]
    private static partial void LogBadDocument(ILogger logger, string documentId, Exception exception);
}
