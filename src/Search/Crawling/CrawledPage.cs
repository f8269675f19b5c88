namespace GatewayPortal.Search.Crawling;

/// <summary>What is remembered about a fetched URL between crawls.</summary>
/// <param name="Url">The normalised URL that was requested.</param>
/// <param name="DocumentId">Id of the document it produced; null when it was skipped (e.g. a duplicate).</param>
/// <param name="ContentHash">SHA-256 (hex) of the normalised text.</param>
/// <param name="Depth">Link depth at which it was found.</param>
public sealed record CrawledPage(
    string Url, string? DocumentId, string? ETag, DateTimeOffset? LastModified, string? ContentHash, int Depth);
