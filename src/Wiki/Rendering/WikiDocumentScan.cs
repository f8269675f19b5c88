using Markdig.Extensions.TableOfContents;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// What one walk over a parsed page finds: its wiki links, its headings, whether it contains raw HTML, and the figures the
/// <see cref="WikiContentLimits"/> bound (nesting depth, raw HTML nesting, <c>[TOC]</c> markers). The walk keeps its own stack,
/// in document order, and checks for cancellation as it goes.
/// </summary>
internal sealed class WikiDocumentScan
{
    private WikiDocumentScan()
    {
    }

    public List<WikiLinkInline> Links { get; } = [];

    public List<HeadingBlock> Headings { get; } = [];

    /// <summary>True when an <see cref="HtmlBlock"/> or <see cref="HtmlInline"/> exists anywhere (tables and footnotes included).</summary>
    public bool HasRawHtml { get; private set; }

    /// <summary>The deepest node below the document (1 for a top-level block).</summary>
    public int MaxDepth { get; private set; }

    public int TocMarkers { get; private set; }

    public RawHtmlNesting Html { get; } = new();

    /// <summary>The top-level blocks in order, whether every raw HTML element was closed before each, and whether each holds raw HTML.</summary>
    public List<(Block Block, bool ClosedBefore, bool HasRawHtml)> TopLevel { get; } = [];

    /// <summary>The first limit the page exceeds, or null.</summary>
    public WikiContentViolation? Violation =>
        MaxDepth > WikiContentLimits.MaxMarkdownNesting ? new(WikiContentLimit.MarkdownNesting, MaxDepth, WikiContentLimits.MaxMarkdownNesting)
        : Html.MaxDepth > WikiContentLimits.MaxHtmlNesting ? new(WikiContentLimit.HtmlNesting, Html.MaxDepth, WikiContentLimits.MaxHtmlNesting)
        : Html.CarriedFormatting > WikiContentLimits.MaxUnclosedFormatting ? new(WikiContentLimit.UnclosedFormatting, Html.CarriedFormatting, WikiContentLimits.MaxUnclosedFormatting)
        : Html.Tags > WikiContentLimits.MaxRawHtmlTags ? new(WikiContentLimit.RawHtmlTags, Html.Tags, WikiContentLimits.MaxRawHtmlTags)
        : Html.Urls > WikiContentLimits.MaxRawHtmlUrls ? new(WikiContentLimit.RawHtmlUrls, Html.Urls, WikiContentLimits.MaxRawHtmlUrls)
        : RawHtmlText() is var text && text > WikiContentLimits.MaxRawHtmlText ? new(WikiContentLimit.RawHtmlText, text, WikiContentLimits.MaxRawHtmlText)
        : TocMarkers > WikiContentLimits.MaxTocMarkers ? new(WikiContentLimit.TocMarkers, TocMarkers, WikiContentLimits.MaxTocMarkers)
        : null;

    /// <summary>
    /// The source characters of the top-level blocks that <see cref="RawHtmlRegions"/> sanitises: from a block with raw HTML to
    /// the first block before which every raw element is closed again.
    /// </summary>
    private long RawHtmlText()
    {
        long total = 0;
        var inStretch = false;
        foreach (var (block, closedBefore, hasRawHtml) in TopLevel)
        {
            inStretch = (inStretch && !closedBefore) || hasRawHtml;
            total += inStretch ? block.Span.Length : 0;
        }

        return total;
    }

    public static WikiDocumentScan Of(MarkdownDocument document, CancellationToken cancellationToken = default)
    {
        var scan = new WikiDocumentScan();
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        Push(stack, document, 0);
        for (var visited = 0; stack.TryPop(out var item); visited++)
        {
            if ((visited & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            scan.Visit(item.Node, item.Depth);
            Push(stack, item.Node, item.Depth);
        }

        return scan;
    }

    private static void Push(Stack<(MarkdownObject, int)> stack, MarkdownObject node, int depth)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push((container[i], depth + 1));
                }

                break;
            case LeafBlock { Inline: { } inline }:
                stack.Push((inline, depth + 1));
                break;
            case ContainerInline inlines:
                // Children are a linked list: collect them to push in reverse (document order on pop).
                var children = new List<Inline>();
                for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                {
                    children.Add(child);
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], depth + 1));
                }

                break;
        }
    }

    private void Visit(MarkdownObject node, int depth)
    {
        MaxDepth = Math.Max(MaxDepth, depth);
        if (depth == 1 && node is Block top)
        {
            TopLevel.Add((top, Html.IsClosed, false));
        }

        if (node is HtmlBlock or HtmlInline && TopLevel.Count > 0)
        {
            TopLevel[^1] = TopLevel[^1] with { HasRawHtml = true };
        }

        switch (node)
        {
            case WikiLinkInline link:
                Links.Add(link);
                break;
            case HeadingBlock heading:
                Headings.Add(heading);
                Html.Block();
                break;
            case HtmlBlock block:
                HasRawHtml = true;
                Html.Add(block.Lines.ToString());
                break;
            case HtmlInline inline:
                HasRawHtml = true;
                Html.Add(inline.Tag);
                break;
            case TableOfContentsBlock:
                TocMarkers++;
                break;
            case LeafBlock:
                Html.Block();
                break;
        }
    }
}
