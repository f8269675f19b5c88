using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.TableOfContents;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// The text a reader sees of a wiki page or notice, for a search index and its snippets: the renderer's Markdown extensions
/// (pipe tables, task lists, footnotes, <c>[TOC]</c>) and its own wiki-link parser, walked as a syntax tree, so no markup
/// (<c>[[…]]</c>, <c>| --- |</c>, <c>[^1]</c>, <c>[x]</c>, <c>**</c>, raw HTML tags) reaches a result. A wiki link reads as
/// the label the page shows for it.
/// </summary>
public static partial class WikiPlainText
{
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    /// <summary>The plain text and headings of <paramref name="markdown"/>.</summary>
    public static WikiPageText Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // Nesting past Markdig's depth limit: the wiki shows such a page as its source, so its text is the source.
            return new WikiPageText(markdown, []);
        }

        var walker = new Walker();
        walker.Blocks(document);
        return new WikiPageText(walker.Text(), walker.Headings);
    }

    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseTableOfContents();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkParser());
        return builder.Build();
    }

    /// <summary>The text of raw HTML: elements that show nothing dropped, tags removed, entities decoded.</summary>
    private static string HtmlText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));

    [GeneratedRegex(@"<(script|style|template)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tag();

    /// <summary>Writes blocks one line each and inline text as a reader sees it.</summary>
    private sealed class Walker
    {
        private readonly StringBuilder _text = new();

        public List<string> Headings { get; } = [];

        /// <summary>The lines written, each trimmed (a task marker leaves a space before its text), without empty ones.</summary>
        public string Text() => string.Join('\n', _text.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                Block(block);
            }
        }

        private void Block(Block block)
        {
            switch (block)
            {
                case TableOfContentsBlock or LinkReferenceDefinitionGroup or LinkReferenceDefinition or ThematicBreakBlock:
                    return;
                case Table table:
                    TableRows(table);
                    return;
                case HeadingBlock heading:
                    var start = _text.Length;
                    Inlines(heading.Inline);
                    var text = _text.ToString(start, _text.Length - start).Trim();
                    if (text.Length > 0)
                    {
                        Headings.Add(text);
                    }

                    EndLine();
                    return;
                case HtmlBlock html:
                    _text.Append(HtmlText(html.Lines.ToString()));
                    EndLine();
                    return;
                case LeafBlock { Inline: { } inline }:
                    Inlines(inline);
                    EndLine();
                    return;
                case LeafBlock leaf:
                    // Code blocks: their lines are what the reader sees.
                    _text.Append(leaf.Lines.ToString());
                    EndLine();
                    return;
                case ContainerBlock container:
                    Blocks(container);
                    return;
            }
        }

        private void TableRows(Table table)
        {
            foreach (var row in table.OfType<TableRow>())
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    var start = _text.Length;
                    Blocks(cell);
                    // A cell's paragraph ended its line: cells of a row stay on one line, apart.
                    while (_text.Length > start && _text[^1] == '\n')
                    {
                        _text.Length--;
                    }

                    _text.Append(' ');
                }

                EndLine();
            }
        }

        private void Inlines(ContainerInline? container)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                Inline(inline);
            }
        }

        private void Inline(Inline inline)
        {
            switch (inline)
            {
                case FootnoteLink or TaskList or HtmlInline:
                    return;
                case LiteralInline literal:
                    _text.Append(literal.Content.AsSpan());
                    return;
                case CodeInline code:
                    _text.Append(code.Content);
                    return;
                case LineBreakInline:
                    _text.Append('\n');
                    return;
                case HtmlEntityInline entity:
                    _text.Append(entity.Transcoded.AsSpan());
                    return;
                case WikiLinkInline link:
                    _text.Append(link.Label);
                    return;
                case AutolinkInline autolink:
                    _text.Append(autolink.Url);
                    return;
                case ContainerInline container:
                    // Links and images show their text (an image its alt text); emphasis its words.
                    Inlines(container);
                    return;
            }
        }

        private void EndLine()
        {
            while (_text.Length > 0 && _text[^1] == ' ')
            {
                _text.Length--;
            }

            if (_text.Length > 0 && _text[^1] != '\n')
            {
                _text.Append('\n');
            }
        }
    }
}
