using System.Runtime.CompilerServices;
using GatewayPortal.Wiki.Titles;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
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
    /// <exception cref="WikiMarkdownTooDeepException">The Markdown nests past the parser's limit.</exception>
    public async Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default)
    {
        var document = Parse(markdown, currentSpace);
        var scan = WikiDocumentScan.Of(document);
        var targets = scan.Links.Select(l => l.Target).ToHashSet();
        var existing = targets.Count == 0 ? targets : await _resolver.FindExistingAsync(targets, cancellationToken).ConfigureAwait(false);
        foreach (var link in scan.Links)
        {
            link.Exists = existing.Contains(link.Target);
        }

        var html = ToHtml(document);
        // Raw HTML tags may open in one block and close in another, so only the whole document can be sanitised correctly.
        return scan.HasRawHtml
            ? new RenderedPage(WikiHtmlSanitizer.Shared.Sanitize(html), Headings(scan), targets) { SanitizerUsed = true }
            : new RenderedPage(html, Headings(scan), targets);
    }

    /// <inheritdoc/>
    public IReadOnlySet<WikiTitle> ExtractLinks(string markdown, string currentSpace) =>
        Parse(markdown, currentSpace).Descendants<WikiLinkInline>().Select(l => l.Target).ToHashSet();

    private MarkdownDocument Parse(string markdown, string currentSpace)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(currentSpace);
        var context = new MarkdownParserContext();
        context.Properties[WikiLinkParser.SpaceProperty] = currentSpace;
        return TooDeepAsOurs(() => Markdown.Parse(markdown, _pipeline, context));
    }

    // Markdig refuses input nested past MaximumNestingDepth with a bare ArgumentException; callers need to tell it from a bug.
    private T TooDeepAsOurs<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (ArgumentException exception) when (exception is not ArgumentNullException)
        {
            throw new WikiMarkdownTooDeepException(_pipeline.MaximumNestingDepth, exception);
        }
    }

    private string ToHtml(MarkdownDocument document)
    {
        // HTML is typically two to three times the Markdown; the pooled buffer grows if it is more.
        using var writer = new PooledStringWriter(document.Span.Length * 3);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        // Markdig writes every link, image, autolink and wiki-link URL through WriteEscapeUrl, which applies the rewriter.
        renderer.LinkRewriter = WikiUrlFilter.Rewrite;
        TooDeepAsOurs(() => renderer.Render(document));
        return writer.ToString();
    }

    private static MarkdownPipeline CreatePipeline(WikiOptions options)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseTableOfContents();
        builder.Extensions.AddIfNotAlready(new WikiLinkExtension(options));
        return builder.Build();
    }

    private static List<WikiHeading> Headings(WikiDocumentScan scan) =>
        [.. scan.Headings.Select(h => new WikiHeading(h.Level, InlineText.Of(h.Inline), h.GetAttributes().Id ?? string.Empty))];
}
