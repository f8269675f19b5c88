using System.Runtime.CompilerServices;
using System.Text.Json;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>
/// Every crawled page's stored document (<see cref="CrawlPageRow.DocumentJson"/>), so an index rebuild or a new node
/// has the web pages without fetching them again. Pages of sites that are disabled stay searchable until removed.
/// </summary>
public sealed partial class CrawledPageSearchSource(ISearchDbContextFactory contexts, ILogger<CrawledPageSearchSource> logger) : ISearchSource
{
    private const int BatchSize = 200;

    /// <inheritdoc/>
    public string Name => SearchSources.Web;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            List<(long Id, string DocumentId, string Json)> batch;
            var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var rows = await db.CrawlPages.AsNoTracking()
                    .Where(p => p.Id > afterId && p.DocumentId != null && p.DocumentJson != null)
                    .OrderBy(p => p.Id)
                    .Take(BatchSize)
                    .Select(p => new { p.Id, p.DocumentId, p.DocumentJson })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                batch = [.. rows.Select(r => (r.Id, r.DocumentId!, r.DocumentJson!))];
            }

            foreach (var (_, documentId, json) in batch)
            {
                if (seen.Add(documentId) && Read(documentId, json) is { } document)
                {
                    yield return document;
                }
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            afterId = batch[^1].Id;
        }
    }

    private SearchDocument? Read(string documentId, string json)
    {
        try
        {
            return CrawledDocumentJson.Deserialize(json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, documentId, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawled document {DocumentId} in the database is not readable; it is left out of the rebuild")]
    private static partial void LogUnreadable(ILogger logger, string documentId, Exception exception);
}
