using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>A page without raw HTML skips HtmlSanitizer and renders exactly what the sanitised path renders.</summary>
public sealed class MarkdigWikiRendererFastPathTests
{
    // Every construct the wiki uses, with text that needs escaping, links of each kind and HTML-looking text that is not raw HTML.
    private const string Representative = """
        [TOC]

        # 개요 및 목적

        민원 **신청서를** _제출_ 합니다 ~~취소~~ `<b>코드</b>` & "인용" 'ㅎ' 1 < 2 > 0 \<script> &lt;b&gt; &amp; &copy;[^1]

        ## 신청 방법

        [[민원 안내]] [[없는 문서|여기]] [[hr:급여#지급 일정]] [외부](https://www.city.go.kr/a?b=1&c=2 "제목 \"따옴표\"")
        [메일](mailto:it@city.go.kr) [상대](/wiki/공지) [조각](#개요-및-목적) <https://example.com> <it@city.go.kr>
        ![로고](/images/logo.png "로고") [참조][r] [나쁜 링크](javascript:alert(1))

        [r]: https://example.com/참조

        | 부서 | 인원 | 비고 |
        |:---|--:|:-:|
        | 총무과 | 12 | [[총무과]] |
        | 정보통신과 | 7 | `a|b` |

        - [x] 결재
        - [ ] 공람
          1. 하위 목록
          2. 두 번째

        > 인용문 안의 **강조**
        >
        > - 목록

        ```csharp
        var html = "<script>alert(1)</script>";
        ```

            들여쓴 코드 <div>

        ---

        ### Step 1: 준비

        줄 끝 공백 두 개로  
        강제 줄바꿈.

        [^1]: 2026년 3월 시행 [[규정]]
        """;

    private static MarkdigWikiRenderer Create() =>
        new(new FakeLinkResolver(WikiTitle.Parse("민원 안내"), new WikiTitle("hr", "급여")), Options.Create(new WikiOptions()));

    [Fact]
    public async Task RenderAsync_NoRawHtml_MatchesSanitisedPath()
    {
        // Arrange: an HTML comment is raw HTML, so it sends the same page through HtmlSanitizer, which drops the comment.
        var renderer = Create();

        // Act
        var fast = await renderer.RenderAsync(Representative, WikiTitle.MainSpace, TestContext.Current.CancellationToken);
        var sanitised = await renderer.RenderAsync(Representative + "\n\n<!-- sanitiser -->\n", WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        // Assert
        Assert.False(fast.SanitizerUsed);
        Assert.True(sanitised.SanitizerUsed);
        // Raw HTML stretches are sanitised on their own now, so compare with the whole fast-path page put through the sanitiser.
        Assert.Equal(RenderedHtml.Normalise(WikiHtmlSanitizer.Sanitize(fast.Html, TestContext.Current.CancellationToken)), RenderedHtml.Normalise(fast.Html));
        Assert.Equal(sanitised.Headings, fast.Headings);
        Assert.Equal(sanitised.OutgoingLinks, fast.OutgoingLinks);
        RenderedHtml.AssertInert(fast.Html);
    }

    [Fact]
    public async Task RenderAsync_NoRawHtml_KeepsEveryFeature()
    {
        var page = await Create().RenderAsync(Representative, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        Assert.Contains("<h1 id=\"개요-및-목적\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<nav", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<table>", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"wiki-link wiki-link--missing\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(2, RenderedHtml.AttributeValues(page.Html, "disabled").Count);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`<script>alert(1)</script>`")] // code span
    [InlineData("```\n<script>alert(1)</script>\n```")] // fenced code
    [InlineData("\\<script>alert(1)\\</script>")] // escaped
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;")] // entities
    [InlineData("1 < 2 and 3 > 2")] // bare angle brackets
    [InlineData("[TOC]\n\n# 제목\n\n- [x] 완료[^1]\n\n[^1]: 각주")] // generated markup
    [InlineData("[TOC]\n\n# \\<script>alert(1)\\</script> \"x\" onmouseover=alert(1)")] // heading text copied into the id and the TOC
    [InlineData("[TOC]\n\n## &lt;img src=x onerror=alert(1)&gt;")] // decoded entity in a heading
    [InlineData("```mermaid\n<script>alert(1)</script>\n```")] // diagram language
    [InlineData("```\"><script>alert(1)</script>\nx\n```")] // info string copied into a class
    [InlineData("[\\<script>alert(1)\\</script>](https://example.com \"\\\"><script>alert(1)</script>\")")] // link text and title
    [InlineData("![\"onerror=alert(1) x=\"](https://example.com/a.png)")] // image alt
    [InlineData("[[민원 안내|\\<script>alert(1)\\</script>]]")] // wiki link label
    [InlineData("본문[^\"><script>]\n\n[^\"><script>]: 각주")] // footnote label
    public async Task RenderAsync_NoRawHtml_SkipsSanitiserAndEscapes(string markdown)
    {
        var page = await Create().RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        Assert.False(page.SanitizerUsed);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        RenderedHtml.AssertInert(page.Html);
    }

    [Theory]
    [InlineData("<kbd>Ctrl</kbd>")] // inline
    [InlineData("<div>블록</div>")] // block
    [InlineData("<!-- 주석 -->")] // comment
    [InlineData("| 열 |\n|---|\n| 가<br>나 |")] // inline in a table
    public async Task RenderAsync_RawHtml_UsesSanitiser(string markdown)
    {
        var page = await Create().RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

        Assert.True(page.SanitizerUsed);
    }
}
