using System.Text.Json;
using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>Applies a crawled page named in the change feed from its stored document (<see cref="CrawlPageRow.DocumentJson"/>).</summary>
internal sealed partial class CrawledPageChangeHandler(ISearchDbContextFactory contexts, ISearchIndex index, ILogger<CrawledPageChangeHandler> logger)
    : ISearchChangeHandler
{
    /// <inheritdoc/>
    public string Source => SearchSources.Web;

    /// <inheritdoc/>
    public async Task<bool> ApplyAsync(string key, CancellationToken cancellationToken)
    {
        string? json;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            json = await db.CrawlPages.AsNoTracking()
                .Where(p => p.DocumentId == key && p.DocumentJson != null)
                .Select(p => p.DocumentJson)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }

        if (json is null)
        {
            index.Delete(key);
            return true;
        }

        try
        {
            index.Upsert([CrawledDocumentJson.Deserialize(json)]);
        }
        catch (JsonException ex)
        {
            LogBadDocument(logger, key, ex);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawled document {DocumentId} in the database is not readable; left as it was")]
    private static partial void LogBadDocument(ILogger logger, string documentId, Exception exception);
}
