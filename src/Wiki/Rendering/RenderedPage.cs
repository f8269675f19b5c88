using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>The result of rendering a page's Markdown.</summary>
/// <param name="Html">Sanitised HTML, safe to emit as a <c>MarkupString</c>.</param>
/// <param name="Headings">The headings in document order (the table of contents).</param>
/// <param name="OutgoingLinks">The distinct wiki link targets, including missing pages.</param>
public sealed record RenderedPage(string Html, IReadOnlyList<WikiHeading> Headings, IReadOnlySet<WikiTitle> OutgoingLinks);
