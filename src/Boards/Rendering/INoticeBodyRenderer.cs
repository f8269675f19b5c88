namespace GatewayPortal.Boards.Rendering;

/// <summary>Turns a post's Markdown into safe HTML (the host adapts the wiki's renderer and sanitiser).</summary>
public interface INoticeBodyRenderer
{
    /// <summary>Sanitised HTML for <paramref name="markdown"/>.</summary>
    Task<string> RenderAsync(string markdown, CancellationToken cancellationToken = default);
}
