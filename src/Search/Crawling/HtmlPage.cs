namespace GatewayPortal.Search.Crawling;

/// <summary>What was extracted from one HTML page.</summary>
internal sealed record HtmlPage(
    string? Title,
    IReadOnlyList<string> Headings,
    string? Description,
    string Body,
    Uri? Canonical,
    IReadOnlyList<Uri> Links,
    bool NoIndex,
    bool NoFollow);
