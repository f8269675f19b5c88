using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Crawling;

/// <summary>Receives what a crawl finds; usually forwards to the search index.</summary>
public interface ICrawlSink
{
    /// <summary>A new or changed page.</summary>
    ValueTask IndexAsync(SearchDocument document, CancellationToken cancellationToken);

    /// <summary>A page that now answers 404 or 410; delete it by its document id.</summary>
    ValueTask RemoveAsync(string documentId, CancellationToken cancellationToken);
}
