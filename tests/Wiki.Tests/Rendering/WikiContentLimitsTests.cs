using System.Text;
using GatewayPortal.Bench.WikiBench;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Text;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;
using static GatewayPortal.Wiki.Tests.Rendering.PathologicalPages;

namespace GatewayPortal.Wiki.Tests.Rendering;

public sealed class WikiContentLimitsTests
{
    private static readonly MarkdigWikiRenderer s_renderer = new(new FakeLinkResolver(), Options.Create(new WikiOptions()));

    public static TheoryData<string, string, WikiContentLimit> Shapes => new()
    {
        // Each took seconds to minutes in Markdig or HtmlSanitizer before the limits (issue #13; bench/RESULTS.md).
        { "[a]( x40,000", Repeat("[a](", 40_000), WikiContentLimit.UnclosedLinks },
        { "[a](b x50,000", Repeat("[a](b", 50_000), WikiContentLimit.UnclosedLinks },
        { "[a](b ( x50,000", Repeat("[a](b (", 50_000), WikiContentLimit.UnclosedLinks },
        { "a <? x100,000", Repeat("a <?", 100_000), WikiContentLimit.UnclosedLinks },
        { "a <!A x100,000", Repeat("a <!A ", 100_000), WikiContentLimit.UnclosedLinks },
        { "<b> x100,000", Repeat("<b>", 100_000), WikiContentLimit.HtmlNesting },
        { "<div> nested 50,000", Repeat("<div>", 50_000) + Repeat("</div>", 50_000), WikiContentLimit.HtmlNesting },
        { "3 unclosed <b> over 100,000 paragraphs", "<b id=1>\n\n<b id=2>\n\n<b id=3>\n\n" + Repeat("x\n\n", 100_000), WikiContentLimit.UnclosedFormatting },
        { "backtick runs 1..2,000", string.Concat(Enumerable.Range(1, 2_000).Select(i => "e" + new string('`', i))), WikiContentLimit.BacktickRun },
        { "[a]: u x25,000", Repeat("[a]: u\n", 25_000), WikiContentLimit.ReferenceDefinitions },
        { "table of 200,000 rows", "|a|b|\n|-|-|\n" + Repeat("|x|y|\n", 200_000), WikiContentLimit.TableCells },
        { "*a **a nested 25,000", Repeat("*a **a ", 25_000) + "b" + Repeat(" a** a*", 25_000), WikiContentLimit.UnclosedEmphasis },
        { "_a x9,000 in 20 paragraphs", Repeat(Repeat("_a ", 9_000) + "\n\n", 20), WikiContentLimit.UnclosedEmphasis },
        { "*a x9,000 in 20 paragraphs", Repeat(Repeat("*a ", 9_000) + "\n\n", 20), WikiContentLimit.UnclosedEmphasis },
        { "[a x9,000 in 20 paragraphs", Repeat(Repeat("[a ", 9_000) + "\n\n", 20), WikiContentLimit.UnclosedEmphasis },
        { "[ x100,000 a ] x100,000", Repeat("[", 100_000) + "a" + Repeat("]", 100_000), WikiContentLimit.UnclosedEmphasis },
        { "a_ x9,000 in 20 paragraphs", Repeat(Repeat("a_ ", 9_000) + "\n\n", 20), WikiContentLimit.UnclosedEmphasis },
        { "a**b x9,000 in 20 paragraphs", Repeat(Repeat("a**b", 9_000) + "c*\n\n", 20), WikiContentLimit.UnclosedEmphasis },
        { "[a]( x40,000 after an HTML block holding ```", "<div>\n```\n\n" + Repeat("[a](", 40_000), WikiContentLimit.UnclosedLinks },
        { "[a]( x40,000 after a list item's fence", "- a\n  ```\n" + Repeat("[a](", 40_000), WikiContentLimit.UnclosedLinks },
        { "[[a x100,000", Repeat("[[a", 100_000), WikiContentLimit.UnclosedEmphasis },
        { "> nested 150", Repeat("> ", 150) + "a", WikiContentLimit.MarkdownNesting },
        { "table of 4,000 rows with bold in each", "|a|b|c|\n|-|-|-|\n" + Repeat("| x | **b** | y |\n", 4_000), WikiContentLimit.TableEmphasis },
        { "<span>x</span> x70,000", Repeat("<span>x</span>", 70_000), WikiContentLimit.RawHtmlTags },
        { "<img src=a> x20,000", Repeat("<img src=a>", 20_000), WikiContentLimit.RawHtmlUrls },
        { "[TOC] x10", Repeat("[TOC]\n\n## a\n\n", 10), WikiContentLimit.TocMarkers },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Validate_PathologicalShape_RefusesWithNamedLimit(string shape, string markdown, WikiContentLimit expected)
    {
        // Act
        var violation = s_renderer.Validate(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(WikiText.Utf8Size(markdown) <= WikiText.MaxBytes, shape);
        Assert.NotNull(violation);
        Assert.Equal(expected, violation.Limit);
        Assert.True(violation.Actual > violation.Maximum, shape);
    }

    [Fact]
    public void Validate_LongRealisticManual_IsAccepted()
    {
        // Arrange: 700 sections with tables, lists, code and links, over 1 MB, with inline HTML in a few sections only
        var manual = LongManual();
        var sections = manual.Split("\n## ");
        var fewHtml = string.Join("\n## ", sections.Select((section, i) => i % 20 == 0 ? section : section.Replace("<b>확인</b>", "확인", StringComparison.Ordinal)));

        // Act
        var violation = s_renderer.Validate(fewHtml, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(Encoding.UTF8.GetByteCount(fewHtml) > 1_000_000);
        Assert.Null(violation);
    }

    [Fact]
    public void Validate_HtmlInEveryTableOfALongManual_IsRefusedBySanitisedText()
    {
        // Arrange: every table row of every section has inline HTML, so the whole manual's tables would go through the
        // sanitiser (about 1.9 s for this page); a 40-section manual of the same kind stays under the limit.
        var shortManual = PathologicalShapes.Manual(40);

        // Act
        var violation = s_renderer.Validate(LongManual(), WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(WikiContentLimit.RawHtmlText, violation?.Limit);
        Assert.Null(s_renderer.Validate(shortManual, WikiTitle.MainSpace, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Validate_TenThousandRowTableAndThousandRowBoldTable_AreAccepted()
    {
        // Arrange: a 10,000 × 10 table without emphasis, and a 1,000 × 10 table with bold text in every row
        var plain = "|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n" + Repeat("| 1 | 총무과 | 김민지 | 02-123-4567 | 본관 | 민원 | 2026 | 2027 | 10 | 비고 |\n", 10_000);
        var bold = "|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n" + Repeat("| 1 | 총무과 | 김민지 | 02-123-4567 | 본관 | 민원 | 2026 | 2027 | 10 | **확인** |\n", 1_000);

        // Act + Assert
        Assert.Null(s_renderer.Validate(plain, WikiTitle.MainSpace, TestContext.Current.CancellationToken));
        Assert.Null(s_renderer.Validate(bold, WikiTitle.MainSpace, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RenderAsync_OverLimit_ShowsEscapedSourceAndNamesTheLimit()
    {
        // Act
        var page = await s_renderer.RenderAsync(Repeat("<b>", 1_000), WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(WikiContentLimit.HtmlNesting, page.Violation?.Limit);
        Assert.StartsWith("<pre class=\"wiki-source\">&lt;b&gt;", page.Html, StringComparison.Ordinal);
        Assert.False(page.SanitizerUsed);
    }
}
