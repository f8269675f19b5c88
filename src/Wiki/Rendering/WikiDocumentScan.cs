using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>What one walk over a parsed page finds: its wiki links, its headings and whether it contains raw HTML.</summary>
internal sealed class WikiDocumentScan
{
    private WikiDocumentScan()
    {
    }

    public List<WikiLinkInline> Links { get; } = [];

    public List<HeadingBlock> Headings { get; } = [];

    /// <summary>True when an <see cref="HtmlBlock"/> or <see cref="HtmlInline"/> exists anywhere (tables and footnotes included).</summary>
    public bool HasRawHtml { get; private set; }

    public static WikiDocumentScan Of(MarkdownDocument document)
    {
        var scan = new WikiDocumentScan();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case WikiLinkInline link:
                    scan.Links.Add(link);
                    break;
                case HeadingBlock heading:
                    scan.Headings.Add(heading);
                    break;
                case HtmlBlock or HtmlInline:
                    scan.HasRawHtml = true;
                    break;
            }
        }

        return scan;
    }
}
