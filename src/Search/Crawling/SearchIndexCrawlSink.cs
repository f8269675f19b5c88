using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Search.Crawling;

/// <summary>Writes crawl results straight into the search index.</summary>
public sealed class SearchIndexCrawlSink(ISearchIndex index) : ICrawlSink
{
    /// <inheritdoc/>
    public ValueTask IndexAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        index.Upsert([document]);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string documentId, CancellationToken cancellationToken)
    {
        index.Delete(documentId);
        return ValueTask.CompletedTask;
    }
}
