using GatewayPortal.Boards.Rendering;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Portal.Boards;

/// <summary>Renders notice bodies with the wiki's Markdown renderer and sanitiser (wiki links resolve to the main space).</summary>
public sealed class WikiNoticeBodyRenderer(IWikiRenderer renderer) : INoticeBodyRenderer
{
    /// <inheritdoc/>
    public async Task<string> RenderAsync(string markdown, CancellationToken cancellationToken = default) =>
        (await renderer.RenderAsync(markdown, WikiTitle.MainSpace, cancellationToken)).Html;
}
