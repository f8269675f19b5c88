using System.Collections.Concurrent;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Tests.Crawling;

/// <summary>Keeps what a crawl sends, by document id.</summary>
internal sealed class CollectingCrawlSink : ICrawlSink
{
    public ConcurrentDictionary<string, SearchDocument> Documents { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Removed { get; } = new();

    public ValueTask IndexAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        Documents[document.Id] = document;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string documentId, CancellationToken cancellationToken)
    {
        Removed.Enqueue(documentId);
        Documents.TryRemove(documentId, out _);
        return ValueTask.CompletedTask;
    }
}
