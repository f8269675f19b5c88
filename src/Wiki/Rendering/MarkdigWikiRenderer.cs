using System.Runtime.CompilerServices;
using GatewayPortal.Wiki.Titles;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Markdig-based <see cref="IWikiRenderer"/>: pipe tables, task lists, footnotes, Unicode heading anchors,
/// a <c>[TOC]</c> marker, wiki links and raw HTML. Every link and image URL goes through <see cref="WikiUrlFilter"/>;
/// a page with raw HTML is then passed whole through HtmlSanitizer, while a page without it is safe as Markdig wrote it
/// (Markdig escapes all text and attributes) and skips the sanitiser. Thread-safe.
/// </summary>
public sealed class MarkdigWikiRenderer : IWikiRenderer
{
    // The renderer is scoped (its resolver uses the DbContext); the pipeline is thread-safe, so build it once per options instance.
    private static readonly ConditionalWeakTable<WikiOptions, MarkdownPipeline> s_pipelines = [];

    private readonly IWikiLinkResolver _resolver;
    private readonly MarkdownPipeline _pipeline;

    /// <summary>Creates the renderer over the Markdig pipeline for <paramref name="options"/>.</summary>
    public MarkdigWikiRenderer(IWikiLinkResolver resolver, IOptions<WikiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        _resolver = resolver;
        _pipeline = s_pipelines.GetValue(options.Value, CreatePipeline);
    }

    /// <inheritdoc/>
    public async Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default)
    {
        var (document, scan, violation) = Analyse(markdown, currentSpace, cancellationToken);
        if (document is null || scan is null)
        {
            return Source(markdown, violation!);
        }

        var targets = scan.Links.Select(l => l.Target).ToHashSet();
        var existing = targets.Count == 0 ? targets : await _resolver.FindExistingAsync(targets, cancellationToken).ConfigureAwait(false);
        foreach (var link in scan.Links)
        {
            link.Exists = existing.Contains(link.Target);
        }

        cancellationToken.ThrowIfCancellationRequested();
        string html;
        List<int> blockEnds;
        try
        {
            (html, blockEnds) = ToHtml(document, scan);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Markdig's renderer refuses nesting past its depth limit.
            return Source(markdown, NestingViolation());
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Raw HTML tags may open in one block and close in another: each stretch from a block with raw HTML to the point where its
        // elements are closed again is sanitised as a whole.
        return scan.HasRawHtml
            ? new RenderedPage(RawHtmlRegions.Sanitize(html, blockEnds, scan, cancellationToken), Headings(scan), targets) { SanitizerUsed = true }
            : new RenderedPage(html, Headings(scan), targets);
    }

    /// <summary>The first of the <see cref="WikiContentLimits"/> that <paramref name="markdown"/> exceeds, or null.</summary>
    public WikiContentViolation? Validate(string markdown, string currentSpace, CancellationToken cancellationToken = default) =>
        Analyse(markdown, currentSpace, cancellationToken).Violation;

    /// <summary>The distinct wiki link targets of <paramref name="markdown"/>; none when it is over a limit.</summary>
    public IReadOnlySet<WikiTitle> ExtractLinks(string markdown, string currentSpace, CancellationToken cancellationToken = default) =>
        Scan(markdown, currentSpace, cancellationToken).Links;

    /// <inheritdoc/>
    public WikiTextScan Scan(string markdown, string currentSpace, CancellationToken cancellationToken = default)
    {
        var (document, scan, violation) = Analyse(markdown, currentSpace, cancellationToken);
        return new(violation, document is null ? new HashSet<WikiTitle>() : scan!.Links.Select(l => l.Target).ToHashSet());
    }

    /// <summary>Checks the text limits, parses and walks the page; stops at the first limit exceeded (then nothing else is set).</summary>
    private (MarkdownDocument? Document, WikiDocumentScan? Scan, WikiContentViolation? Violation) Analyse(
        string markdown, string currentSpace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(currentSpace);
        cancellationToken.ThrowIfCancellationRequested();
        if (WikiContentLimits.CheckText(markdown, cancellationToken) is { } textViolation)
        {
            return (null, null, textViolation);
        }

        MarkdownDocument document;
        try
        {
            document = Parse(markdown, currentSpace);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Markdig refuses nesting past its depth limit while parsing.
            return (null, null, NestingViolation());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var scan = WikiDocumentScan.Of(document, cancellationToken);
        return scan.Violation is { } violation ? (null, null, violation) : (document, scan, null);
    }

    private WikiContentViolation NestingViolation() =>
        new(WikiContentLimit.MarkdownNesting, _pipeline.MaximumNestingDepth + 1L, WikiContentLimits.MaxMarkdownNesting);

    private static RenderedPage Source(string markdown, WikiContentViolation violation) =>
        new("<pre class=\"wiki-source\">" + System.Net.WebUtility.HtmlEncode(markdown) + "</pre>", [], new HashSet<WikiTitle>()) { Violation = violation };

    private MarkdownDocument Parse(string markdown, string currentSpace)
    {
        var context = new MarkdownParserContext();
        context.Properties[WikiLinkParser.SpaceProperty] = currentSpace;
        return Markdown.Parse(markdown, _pipeline, context);
    }

    /// <summary>The page's HTML and, when it has raw HTML, where each top-level block's output ends (blocks are written one by one).</summary>
    private (string Html, List<int> BlockEnds) ToHtml(MarkdownDocument document, WikiDocumentScan scan)
    {
        // HTML is typically two to three times the Markdown; the pooled buffer grows if it is more.
        using var writer = new PooledStringWriter(document.Span.Length * 3);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        // Markdig writes every link, image, autolink and wiki-link URL through WriteEscapeUrl, which applies the rewriter.
        renderer.LinkRewriter = WikiUrlFilter.Rewrite;
        var blockEnds = new List<int>(scan.HasRawHtml ? scan.TopLevel.Count : 0);
        if (!scan.HasRawHtml)
        {
            renderer.Render(document);
            return (writer.ToString(), blockEnds);
        }

        foreach (var (block, _, _) in scan.TopLevel)
        {
            renderer.Render(block);
            renderer.Writer.Flush();
            blockEnds.Add(writer.Length);
        }

        return (writer.ToString(), blockEnds);
    }

    private static MarkdownPipeline CreatePipeline(WikiOptions options)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseTableOfContents();
        // Before the TOC's own hooks run, headings need ids; Markdig's auto-identifiers number repeats in quadratic time.
        builder.Extensions.Insert(0, new HeadingIdExtension());
        builder.Extensions.AddIfNotAlready(new WikiLinkExtension(options));
        return builder.Build();
    }

    private static List<WikiHeading> Headings(WikiDocumentScan scan) =>
        [.. scan.Headings.Select(h => new WikiHeading(h.Level, InlineText.Of(h.Inline), h.GetAttributes().Id ?? string.Empty))];
}
