namespace GatewayPortal.Search.Documents;

/// <summary>
/// A document's text in another language: indexed (so either language finds it) and shown instead of the document's own
/// text to a reader of that language. A part left null or empty falls back to the document's own.
/// </summary>
/// <param name="Title">The title in that language.</param>
/// <param name="Body">The plain body text in that language.</param>
/// <param name="Breadcrumb">The location text in that language.</param>
public sealed record SearchTranslation(string? Title, string? Body, string? Breadcrumb = null);
