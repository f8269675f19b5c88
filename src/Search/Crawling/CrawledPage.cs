using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Crawling;

/// <summary>What is remembered about a fetched URL between crawls.</summary>
/// <param name="Url">The normalised URL that was requested.</param>
/// <param name="DocumentId">Id of the document it produced; null when it was skipped (e.g. a duplicate).</param>
/// <param name="ContentHash">SHA-256 (hex) of the normalised text.</param>
/// <param name="Depth">Link depth at which it was found.</param>
public sealed record CrawledPage(
    string Url, string? DocumentId, string? ETag, DateTimeOffset? LastModified, string? ContentHash, int Depth)
{
    /// <summary>
    /// The document just sent to the sink, when this fetch (re)indexed the page; null when the page was not indexed or its
    /// indexed document did not change. A durable store keeps it so other nodes and index rebuilds need no recrawl.
    /// </summary>
    public SearchDocument? Document { get; init; }
}
