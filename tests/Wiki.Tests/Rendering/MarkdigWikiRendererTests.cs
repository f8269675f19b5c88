using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Rendering;

public sealed class MarkdigWikiRendererTests
{
    private static MarkdigWikiRenderer Create(params WikiTitle[] existing) =>
        new(new FakeLinkResolver(existing), Options.Create(new WikiOptions()));

    private static Task<RenderedPage> RenderAsync(string markdown, params WikiTitle[] existing) =>
        Create(existing).RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RenderAsync_PipeTable_RendersTableWithAlignment()
    {
        var page = await RenderAsync("| 부서 | 인원 |\n|---|--:|\n| 총무과 | 12 |");

        Assert.Contains("<table>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td>총무과</td>", page.Html, StringComparison.Ordinal);
        Assert.Contains("text-align: right", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_TaskList_RendersDisabledCheckboxes()
    {
        var page = await RenderAsync("- [x] 결재\n- [ ] 공람");

        Assert.Contains("class=\"task-list-item\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("checked", page.Html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page.Html, "disabled=\"disabled\""));
    }

    [Fact]
    public async Task RenderAsync_Footnote_KeepsReferenceAndBackLink()
    {
        var page = await RenderAsync("조례 개정[^1]\n\n[^1]: 2026년 3월 시행");

        Assert.Contains("href=\"#fn:1\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"fn:1\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HangulHeadings_GetUnicodeAnchorsAndToc()
    {
        var page = await RenderAsync("# 개요 및 목적\n\n## 신청 방법\n\n## 신청 방법\n\n### Step 1: 준비");

        Assert.Contains("<h1 id=\"개요-및-목적\">", page.Html, StringComparison.Ordinal);
        Assert.Equal(
            [new(1, "개요 및 목적", "개요-및-목적"), new(2, "신청 방법", "신청-방법"), new(2, "신청 방법", "신청-방법-1"), new(3, "Step 1: 준비", "step-1-준비")],
            page.Headings);
    }

    [Fact]
    public async Task RenderAsync_TocMarker_RendersNavLinkingToHeadings()
    {
        var page = await RenderAsync("[TOC]\n\n# 개요\n\n## 세부 내용");

        Assert.Contains("<nav", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#" + Uri.EscapeDataString("개요") + "\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#" + Uri.EscapeDataString("세부-내용") + "\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("[TOC]", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WikiLinks_ExistingIsBlueMissingIsRedWithEditHref()
    {
        // Arrange
        var existing = WikiTitle.Parse("민원 안내");

        // Act
        var page = await RenderAsync("[[민원 안내]] 와 [[없는 문서|여기]] 그리고 [[hr:급여]]", existing);

        // Assert
        Assert.Contains("<a href=\"/wiki/%EB%AF%BC%EC%9B%90_%EC%95%88%EB%82%B4\" class=\"wiki-link\" title=\"민원 안내\">민원 안내</a>", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/wiki/%EC%97%86%EB%8A%94_%EB%AC%B8%EC%84%9C?action=edit\" class=\"wiki-link wiki-link--missing\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(">여기</a>", page.Html, StringComparison.Ordinal);
        Assert.Equal(new HashSet<WikiTitle> { existing, WikiTitle.Parse("없는 문서"), new("hr", "급여") }, page.OutgoingLinks);
    }

    [Fact]
    public async Task RenderAsync_ManyLinks_ResolvesInOneBatch()
    {
        var resolver = new FakeLinkResolver();
        var renderer = new MarkdigWikiRenderer(resolver, Options.Create(new WikiOptions()));

        await renderer.RenderAsync(string.Join('\n', Enumerable.Range(0, 50).Select(i => $"- [[문서 {i}]]")), "", TestContext.Current.CancellationToken);

        Assert.Equal(1, resolver.Calls);
    }

    [Fact]
    public async Task RenderAsync_LinkWithSection_AppendsEncodedFragment()
    {
        var page = await RenderAsync("[[민원 안내#신청 방법]]", WikiTitle.Parse("민원 안내"));

        Assert.Contains("#%EC%8B%A0%EC%B2%AD%20%EB%B0%A9%EB%B2%95\"", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`[[코드 안]]`")] // inline code
    [InlineData("```\n[[코드 블록]]\n```")] // fenced code
    [InlineData("[[잘못|된]] [[a<b]]")] // invalid target stays text (the first is valid: label "된")
    public void ExtractLinks_IgnoresCodeAndInvalidTargets(string markdown)
    {
        var links = Create().ExtractLinks(markdown, "", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(links, l => l.Name.Contains("코드", StringComparison.Ordinal) || l.Name.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void ExtractLinks_RelativeLinkUsesCurrentSpace_LeadingColonUsesMain()
    {
        var links = Create().ExtractLinks("[[연말정산]] [[:공지]] [[it:VPN]]", "hr", TestContext.Current.CancellationToken);

        Assert.Equal(new HashSet<WikiTitle> { new("hr", "연말정산"), new("", "공지"), new("it", "VPN") }, links);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "onerror")]
    [InlineData("[클릭](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt&#58;alert(1)\">x</a>", "alert(1)")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "data:")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", "data:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<style>body{display:none}</style>", "<style")]
    [InlineData("<div onclick=\"steal()\">x</div>", "onclick")]
    [InlineData("<form action=\"https://evil.example\"><input type=\"password\"></form>", "password")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    public async Task RenderAsync_XssVector_IsRemoved(string markdown, string forbidden)
    {
        var page = await RenderAsync(markdown);

        Assert.DoesNotContain(forbidden, page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RenderAsync_SafeRawHtmlAndSchemes_AreKept()
    {
        var page = await RenderAsync("<kbd>Ctrl</kbd> [메일](mailto:it@city.go.kr) [외부](https://www.city.go.kr) [상대](/wiki/공지)");

        Assert.Contains("<kbd>Ctrl</kbd>", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:it@city.go.kr\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.city.go.kr\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/wiki/", page.Html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
