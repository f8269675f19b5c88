using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Writes a wiki link; a missing target gets <c>wiki-link--missing</c> and an edit URL.</summary>
internal sealed class WikiLinkHtmlRenderer(WikiOptions options) : HtmlObjectRenderer<WikiLinkInline>
{
    public const string LinkClass = "wiki-link";
    public const string MissingClass = "wiki-link--missing";

    protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
    {
        var href = options.PageBasePath + Uri.EscapeDataString(link.Target.Slug);
        href += link.Exists
            ? (link.Fragment is { } fragment ? "#" + Uri.EscapeDataString(fragment) : string.Empty)
            : options.CreatePageQuery;
        renderer.Write("<a href=\"").WriteEscapeUrl(href)
            .Write("\" class=\"").Write(link.Exists ? LinkClass : LinkClass + " " + MissingClass)
            .Write("\" title=\"").WriteEscape(link.Target.FullName)
            .Write("\">").WriteEscape(link.Label)
            .Write("</a>");
    }
}
