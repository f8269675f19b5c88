using GatewayPortal.Search.Snippets;

namespace GatewayPortal.Search.Querying;

/// <summary>One result, with what the results page displays.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Source">Source name.</param>
/// <param name="Site">Host, when the document has one.</param>
/// <param name="Title">Title.</param>
/// <param name="Url">Link target.</param>
/// <param name="Breadcrumb">Location text, when given.</param>
/// <param name="Date">Last modification, when known.</param>
/// <param name="Snippet">Body excerpt as plain-text segments; highlighted ones matched the query.</param>
public sealed record SearchHit(
    string Id,
    string Source,
    string? Site,
    string Title,
    string Url,
    string? Breadcrumb,
    DateTimeOffset? Date,
    IReadOnlyList<SnippetSegment> Snippet);
