using System.Globalization;
using GatewayPortal.Wiki.Titles;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Markdig-based <see cref="IWikiRenderer"/>: pipe tables, task lists, footnotes, Unicode heading anchors,
/// a <c>[TOC]</c> marker, wiki links and raw HTML, with every result passed through HtmlSanitizer.
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class MarkdigWikiRenderer : IWikiRenderer
{
    private readonly IWikiLinkResolver _resolver;
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer = WikiHtmlSanitizer.Create();

    /// <summary>Creates the renderer and its Markdig pipeline.</summary>
    public MarkdigWikiRenderer(IWikiLinkResolver resolver, IOptions<WikiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        _resolver = resolver;
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseTableOfContents();
        builder.Extensions.AddIfNotAlready(new WikiLinkExtension(options.Value));
        _pipeline = builder.Build();
    }

    /// <inheritdoc/>
    public async Task<RenderedPage> RenderAsync(string markdown, string currentSpace, CancellationToken cancellationToken = default)
    {
        var document = Parse(markdown, currentSpace);
        var links = document.Descendants<WikiLinkInline>().ToList();
        var targets = links.Select(l => l.Target).ToHashSet();
        var existing = targets.Count == 0 ? targets : await _resolver.FindExistingAsync(targets, cancellationToken).ConfigureAwait(false);
        foreach (var link in links)
        {
            link.Exists = existing.Contains(link.Target);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return new RenderedPage(_sanitizer.Sanitize(writer.ToString()), Headings(document), targets);
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
        return Markdown.Parse(markdown, _pipeline, context);
    }

    private static List<WikiHeading> Headings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Select(h => new WikiHeading(h.Level, InlineText.Of(h.Inline), h.GetAttributes().Id ?? string.Empty))];
}
