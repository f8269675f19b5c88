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

    /// <summary>
    /// From one parse: the first of the <see cref="WikiContentLimits"/> that <paramref name="markdown"/> exceeds (checked on save),
    /// or its distinct wiki link targets (links inside code are ignored), for the backlinks table.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the work ran.</exception>
    WikiTextScan Scan(string markdown, string currentSpace, CancellationToken cancellationToken = default);
}
