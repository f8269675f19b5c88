using System.Buffers;

namespace GatewayPortal.Wiki.Rendering;

/// <summary>
/// Limits on the shape of page text that keep rendering, sanitising, diffing and merging linear in the page size. Each guards
/// a scan in Markdig or HtmlSanitizer that is quadratic on a crafted page (issue #13); realistic pages are far below them.
/// <see cref="IWikiRenderer.Scan"/> checks them on save, <see cref="IWikiRenderer.RenderAsync"/> on preview and view.
/// </summary>
public static class WikiContentLimits
{
    /// <summary>
    /// How deep Markdown structure may nest (block quotes, lists, emphasis and links inside each other); Markdig itself refuses
    /// more than 128 and its HTML renderer recurses.
    /// </summary>
    public const int MaxMarkdownNesting = 100;

    /// <summary>Raw HTML elements open at once (document-wide, void and optional-end elements not counted).</summary>
    public const int MaxHtmlNesting = 100;

    /// <summary>The sum, over paragraphs and other blocks, of unclosed HTML formatting tags (<c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, …) carried into them.</summary>
    public const int MaxUnclosedFormatting = 100_000;

    /// <summary>Raw HTML start tags per page (HtmlSanitizer visits each).</summary>
    public const int MaxRawHtmlTags = 60_000;

    /// <summary>Raw HTML URL attributes (<c>href</c>, <c>src</c>, …) per page (HtmlSanitizer parses each URL, which costs far more than a tag).</summary>
    public const int MaxRawHtmlUrls = 10_000;

    /// <summary>
    /// Markdown characters in the stretches of a page that hold raw HTML, which go through HtmlSanitizer on top of rendering:
    /// 64 KiB keeps a 2 MB page under 1 s (the per-character cost and the render time are in bench/RESULTS.md).
    /// </summary>
    public const int MaxRawHtmlText = 65_536;

    /// <summary>
    /// The characters the parser reads ahead after <c>](</c> looking for the end of a link, and after <c>&lt;?</c>, <c>&lt;!</c>
    /// and <c>&lt;![CDATA[</c> looking for their end, summed over the page.
    /// </summary>
    public const int MaxUnclosedScan = 5_000_000;

    /// <summary>
    /// Emphasis marks per paragraph, squared and summed (Markdig nests the rest of the paragraph under each until it ends), plus
    /// unclosed brackets weighted by the punctuation after them: 7,000 emphasis marks in one paragraph, or 700 in each of 100.
    /// </summary>
    public const int MaxUnclosedEmphasis = 50_000_000;

    /// <summary>
    /// Per table (paragraph), cell separators <c>|</c> × emphasis marks (<c>*</c>, <c>_</c>, <c>**</c>, …), summed: a 1,000-row,
    /// ten-column table with bold text in every row is 22,000,000.
    /// </summary>
    public const int MaxTableEmphasis = 50_000_000;

    /// <summary>The longest run of backticks (code spans and fences use 1 to 5).</summary>
    public const int MaxBacktickRun = 32;

    /// <summary>Link reference definitions (<c>[label]: url</c> lines); Markdig reads consecutive ones in quadratic time.</summary>
    public const int MaxReferenceDefinitions = 2_000;

    /// <summary>Table cell separators <c>|</c> per page (a 10,000-row table of ten columns has 110,000).</summary>
    public const int MaxTableCells = 150_000;

    /// <summary><c>[TOC]</c> markers per page (each repeats every heading).</summary>
    public const int MaxTocMarkers = 5;

    private static readonly SearchValues<char> s_whitespace = SearchValues.Create(" \t\n\r\f\v");

    /// <summary>The first text-level limit <paramref name="markdown"/> exceeds, in one pass; null when within all of them.</summary>
    internal static WikiContentViolation? CheckText(string markdown, CancellationToken cancellationToken)
    {
        var scan = new ScanCost(markdown);
        var nesting = new InlineNestingCost();
        var (longestRun, pipes, definitions) = (0, 0, 0);
        for (var lineStart = 0; lineStart < markdown.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var newline = markdown.AsSpan(lineStart).IndexOf('\n');
            var lineEnd = newline < 0 ? markdown.Length : lineStart + newline;
            var line = markdown.AsSpan(lineStart, lineEnd - lineStart);
            // Fenced code is checked like the rest: whether a fence is open depends on containers and HTML blocks a line scan
            // cannot see, and skipping a "fence" Markdig does not treat as one would let a crafted page past every check.
            definitions += IsReferenceDefinition(line) ? 1 : 0;
            nesting.LineStart(line);
            for (var i = lineStart; i <= lineEnd && i < markdown.Length; i++)
            {
                var c = markdown[i];
                var last = nesting.Read(markdown, i);
                switch (c)
                {
                    case '*' or '_':
                        i = last;
                        break;
                    case '`':
                        var run = i;
                        while (run < lineEnd && markdown[run] == '`')
                        {
                            run++;
                        }

                        longestRun = Math.Max(longestRun, run - i);
                        i = run - 1;
                        break;
                    case '|':
                        pipes++;
                        break;
                    case '(' when i > 0 && markdown[i - 1] == ']':
                        scan.LinkDestination(i + 1);
                        break;
                    case '<' when i + 1 < markdown.Length && markdown[i + 1] is '?' or '!':
                        scan.HtmlOpener(i);
                        break;
                }
            }

            lineStart = lineEnd + 1;
        }

        return longestRun > MaxBacktickRun ? new WikiContentViolation(WikiContentLimit.BacktickRun, longestRun, MaxBacktickRun)
            : nesting.TableEmphasis > MaxTableEmphasis ? new WikiContentViolation(WikiContentLimit.TableEmphasis, nesting.TableEmphasis, MaxTableEmphasis)
            : nesting.Total > MaxUnclosedEmphasis ? new WikiContentViolation(WikiContentLimit.UnclosedEmphasis, nesting.Total, MaxUnclosedEmphasis)
            : scan.Total > MaxUnclosedScan ? new WikiContentViolation(WikiContentLimit.UnclosedLinks, scan.Total, MaxUnclosedScan)
            : definitions > MaxReferenceDefinitions ? new WikiContentViolation(WikiContentLimit.ReferenceDefinitions, definitions, MaxReferenceDefinitions)
            : pipes > MaxTableCells ? new WikiContentViolation(WikiContentLimit.TableCells, pipes, MaxTableCells)
            : null;
    }

    /// <summary>A line that starts (after up to three spaces) with <c>[label]:</c>.</summary>
    private static bool IsReferenceDefinition(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < 3 && indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        line = line[indent..];
        var close = line.IndexOf("]:", StringComparison.Ordinal);
        return line.Length > 0 && line[0] == '[' && close > 1;
    }

    /// <summary>An upper bound of what Markdig's inline parser reads ahead from each opener (to its closer or the paragraph's end).</summary>
    private sealed class ScanCost(string text)
    {
        private readonly NextOccurrence _whitespace = new(text, s_whitespace);
        private readonly NextOccurrence _blankLine = new(text, "\n\n");
        private readonly NextOccurrence _doubleQuote = new(text, "\"");
        private readonly NextOccurrence _singleQuote = new(text, "'");
        private readonly NextOccurrence _closeParen = new(text, ")");
        private readonly NextOccurrence _closeAngle = new(text, ">");
        private readonly NextOccurrence _endComment = new(text, "-->");
        private readonly NextOccurrence _endInstruction = new(text, "?>");
        private readonly NextOccurrence _endCData = new(text, "]]>");

        public long Total { get; private set; }

        /// <summary>After <c>](</c>: the destination runs to whitespace; a title after it runs to its closing quote or bracket.</summary>
        public void LinkDestination(int start)
        {
            var destinationEnd = _whitespace.From(start);
            Total += destinationEnd - start;
            var title = destinationEnd;
            while (title < text.Length && char.IsWhiteSpace(text[title]))
            {
                title++;
            }

            var closer = title < text.Length ? text[title] switch
            {
                '"' => _doubleQuote,
                '\'' => _singleQuote,
                '(' => _closeParen,
                _ => null,
            } : null;
            if (closer is not null)
            {
                Total += Math.Min(closer.From(title + 1), _blankLine.From(title)) - title;
            }
        }

        /// <summary>After <c>&lt;?</c>, <c>&lt;!--</c>, <c>&lt;![CDATA[</c> or <c>&lt;!X</c>: up to its end or the paragraph's end.</summary>
        public void HtmlOpener(int start)
        {
            var rest = text.AsSpan(start);
            var end = rest.StartsWith("<?", StringComparison.Ordinal) ? _endInstruction
                : rest.StartsWith("<!--", StringComparison.Ordinal) ? _endComment
                : rest.StartsWith("<![CDATA[", StringComparison.Ordinal) ? _endCData
                : _closeAngle;
            Total += Math.Min(end.From(start + 2), _blankLine.From(start)) - start;
        }
    }
}
