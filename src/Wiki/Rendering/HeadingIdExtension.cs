using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// GitHub-style heading ids (as Markdig's <c>UseAutoIdentifiers(AutoIdentifierOptions.GitHub)</c>, which this replaces): the
/// heading's text without markup, <see cref="LinkHelper.UrilizeAsGfm(string)"/>, and <c>-1</c>, <c>-2</c>, … for repeats, handed
/// out by a <see cref="HeadingIdAllocator"/> per document in linear time (Markdig retries every suffix from 1 for each repeat).
/// </summary>
internal sealed class HeadingIdExtension : IMarkdownExtension
{
    private const string AllocatorKey = "GatewayPortal.Wiki.HeadingIds";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= OnClosed;
            headings.Closed += OnClosed;
        }

        // Setext headings (text underlined with === or ---) start as paragraphs.
        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= OnClosed;
            paragraphs.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += AssignId;
        }
    }

    private static void AssignId(InlineProcessor processor, Markdig.Syntax.Inlines.Inline? inline)
    {
        if (processor.Block is not HeadingBlock { Inline: { } content } heading || heading.GetAttributes().Id is not null)
        {
            return;
        }

        if (processor.Document.GetData(AllocatorKey) is not HeadingIdAllocator allocator)
        {
            allocator = new HeadingIdAllocator();
            processor.Document.SetData(AllocatorKey, allocator);
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var strip = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        strip.Render(content);
        var text = LinkHelper.UrilizeAsGfm(writer.ToString());
        heading.GetAttributes().Id = allocator.Allocate(string.IsNullOrEmpty(text) ? "section" : text);
    }
}
