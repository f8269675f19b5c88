using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Turns wiki Markdown into safe HTML (raw HTML sanitised, link URLs filtered) and finds its wiki links.</summary>
public interface IWikiRenderer
{
    /// <summary>
    /// Renders <paramref name="markdown"/> written on a page in <paramref name="currentSpace"/>. A text over the
    /// <see cref="WikiContentLimits"/> (saved before they existed) is shown as escaped source, with <see cref="RenderedPage.Violation"/> set.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the work ran.</exception>
    Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default);

    /// <summary>The first of the <see cref="WikiContentLimits"/> that <paramref name="markdown"/> exceeds, or null: checked on save and preview.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the work ran.</exception>
    WikiContentViolation? Validate(string markdown, string currentSpace, CancellationToken cancellationToken = default);

    /// <summary>
    /// The distinct wiki link targets of <paramref name="markdown"/> without rendering (links inside code are ignored),
    /// for updating the backlinks table on save.
    /// </summary>
    IReadOnlySet<WikiTitle> ExtractLinks(string markdown, string currentSpace, CancellationToken cancellationToken = default);
}
