using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Turns wiki Markdown into safe HTML (raw HTML sanitised, link URLs filtered) and finds its wiki links.</summary>
public interface IWikiRenderer
{
    /// <summary>Renders <paramref name="markdown"/> written on a page in <paramref name="currentSpace"/>.</summary>
    /// <exception cref="WikiMarkdownTooDeepException">The Markdown nests past the parser's limit.</exception>
    Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default);

    /// <summary>
    /// The distinct wiki link targets of <paramref name="markdown"/> without rendering (links inside code are ignored),
    /// for updating the backlinks table on save.
    /// </summary>
    /// <exception cref="WikiMarkdownTooDeepException">The Markdown nests past the parser's limit.</exception>
    IReadOnlySet<WikiTitle> ExtractLinks(string markdown, string currentSpace);
}
