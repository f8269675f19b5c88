using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>Adds the wiki link parser ahead of the standard link parser, and its HTML renderer.</summary>
internal sealed class WikiLinkExtension(WikiOptions options) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<WikiLinkParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<WikiLinkHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new WikiLinkHtmlRenderer(options));
        }
    }
}
