using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>The result of rendering a page's Markdown.</summary>
/// <param name="Html">HTML safe to emit as a <c>MarkupString</c>: sanitised when the page has raw HTML, otherwise Markdig's escaped output with filtered URLs.</param>
/// <param name="Headings">The headings in document order (the table of contents).</param>
/// <param name="OutgoingLinks">The distinct wiki link targets, including missing pages.</param>
public sealed record RenderedPage(string Html, IReadOnlyList<WikiHeading> Headings, IReadOnlySet<WikiTitle> OutgoingLinks)
{
    /// <summary>
    /// True when the page contained raw HTML and its output went through HtmlSanitizer; false when Markdig's output was used
    /// as written (no raw HTML, every URL filtered), which is the fast path.
    /// </summary>
    public bool SanitizerUsed { get; init; }

    /// <summary>Set when the text exceeds a <see cref="WikiContentLimits"/> limit: <see cref="Html"/> is then the escaped source.</summary>
    public WikiContentViolation? Violation { get; init; }
}
