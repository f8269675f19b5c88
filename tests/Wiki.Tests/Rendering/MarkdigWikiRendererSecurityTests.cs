using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>The fast path (no raw HTML, no sanitiser) filters URLs; pages with raw HTML are still sanitised, block and inline.</summary>
public sealed class MarkdigWikiRendererSecurityTests
{
    private static Task<RenderedPage> RenderAsync(string markdown) =>
        new MarkdigWikiRenderer(new FakeLinkResolver(), Options.Create(new WikiOptions()))
            .RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("[클릭](javascript:alert(1))")] // plain
    [InlineData("[클릭](JaVaScRiPt:alert(1))")] // mixed case
    [InlineData("[클릭](java&#x09;script:alert(1))")] // entity tab, removed by the URL parser
    [InlineData("[클릭](java&#x0A;script:alert(1))")] // entity newline
    [InlineData("[클릭](java&Tab;script:alert(1))")] // named entity tab
    [InlineData("[클릭](&#106;avascript:alert(1))")] // numeric entity letter
    [InlineData("[클릭](javascript&colon;alert(1))")] // named entity colon
    [InlineData("[클릭](&#x01;javascript:alert(1))")] // leading C0 control, trimmed by the URL parser
    [InlineData("[클릭](<javascript:alert(1)>)")] // pointy-bracket destination
    [InlineData("[클릭](<java script:alert(1)>)")] // space inside the scheme
    [InlineData("[클릭](vbscript:msgbox(1))")] // vbscript
    [InlineData("[클릭](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")] // data
    [InlineData("[클릭](DATA:text/html,x \"title\")")] // data with a title
    [InlineData("![그림](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")] // image
    [InlineData("![그림](javascript:alert(1))")] // image, script
    [InlineData("<javascript:alert(1)>")] // autolink
    [InlineData("<JAVASCRIPT:alert(1)>")] // autolink, upper case
    [InlineData("<vbscript:msgbox(1)>")] // autolink, vbscript
    [InlineData("<data:text/html;base64,PHNjcmlwdD4=>")] // autolink, data
    [InlineData("[클릭][r]\n\n[r]: javascript:alert(1)")] // reference-style
    [InlineData("[클릭][r]\n\n[r]: JaVa&#x09;ScRiPt&#58;alert(1) \"제목\"")] // reference-style with entities
    [InlineData("![그림][r]\n\n[r]: data:image/png;base64,AAAA")] // reference-style image
    [InlineData("[r]\n\n[r]: <javascript:alert(1)>")] // shortcut reference
    [InlineData("- 목록 [클릭](javascript:alert(1))\n\n> 인용 [클릭](vbscript:x)")] // nested in list and quote
    [InlineData("| 열 |\n|---|\n| [클릭](javascript:alert(1)) |")] // table cell
    [InlineData("본문[^1]\n\n[^1]: [클릭](javascript:alert(1))")] // footnote
    public async Task RenderAsync_UnsafeMarkdownUrl_IsRewrittenToFragmentWithoutSanitiser(string markdown)
    {
        // Act
        var page = await RenderAsync(markdown);

        // Assert
        Assert.False(page.SanitizerUsed);
        RenderedHtml.AssertInert(page.Html);
        var urls = RenderedHtml.AttributeValues(page.Html, "href").Concat(RenderedHtml.AttributeValues(page.Html, "src"));
        Assert.Contains("#", urls);
    }

    [Theory]
    [InlineData("[[javascript:alert(1)]]")] // a "space" named javascript
    [InlineData("[[JaVaScRiPt:alert(1)|클릭]]")] // with a label
    [InlineData("[[ javascript :alert(1)]]")] // whitespace
    [InlineData("[[java&#x09;script:alert(1)]]")] // entity text is not decoded in a wiki link
    [InlineData("[[data:text/html,x]]")] // data
    [InlineData("[[문서#\"><script>alert(1)</script>]]")] // fragment trying to break out of the attribute
    public async Task RenderAsync_HostileWikiLink_StaysUnderPageBasePath(string markdown)
    {
        var page = await RenderAsync(markdown);

        Assert.False(page.SanitizerUsed);
        RenderedHtml.AssertInert(page.Html);
        Assert.All(RenderedHtml.AttributeValues(page.Html, "href"), href => Assert.StartsWith("/wiki/", href, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[웹](https://www.city.go.kr/a?b=1#c)", "https://www.city.go.kr/a?b=1#c")] // https
    [InlineData("[웹](HTTP://example.com)", "HTTP://example.com")] // scheme case is kept
    [InlineData("[메일](mailto:it@city.go.kr)", "mailto:it@city.go.kr")] // mailto
    [InlineData("<it@city.go.kr>", "mailto:it@city.go.kr")] // email autolink
    [InlineData("<https://www.city.go.kr>", "https://www.city.go.kr")] // autolink
    [InlineData("[상대](../공지)", "../%EA%B3%B5%EC%A7%80")] // relative, percent-encoded by Markdig
    [InlineData("[쿼리](?page=2)", "?page=2")] // query only
    [InlineData("[조각](#개요)", "#%EA%B0%9C%EC%9A%94")] // fragment
    [InlineData("[경로](/wiki/a:b)", "/wiki/a:b")] // colon after the first slash is not a scheme
    public async Task RenderAsync_SafeUrl_IsKept(string markdown, string expectedHref)
    {
        var page = await RenderAsync(markdown);

        Assert.False(page.SanitizerUsed);
        Assert.Contains(expectedHref, RenderedHtml.AttributeValues(page.Html, "href"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")] // block
    [InlineData("<img src=x onerror=\"alert(1)\">")] // block
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")] // block
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")] // block, entity tab
    [InlineData("<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>")] // block
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")] // block
    [InlineData("<div>\n\n**굵게** <a href=\"javascript:alert(1)\">x</a>\n\n</div>")] // block around Markdown
    [InlineData("본문 <script>alert(1)</script> 끝")] // inline
    [InlineData("본문 <img src=x onerror=alert(1)> 끝")] // inline
    [InlineData("본문 <a href=\"JaVaScRiPt:alert(1)\">x</a> 끝")] // inline
    [InlineData("본문 <svg onload=alert(1)></svg> 끝")] // inline
    [InlineData("본문 <iframe src=//evil.example></iframe> 끝")] // inline
    [InlineData("본문 <span onmouseover=\"alert(1)\">가</span> **굵게** <span>나</span>")] // inline, split across nodes
    [InlineData("| 열 |\n|---|\n| <img src=x onerror=alert(1)> |")] // inline in a table cell
    [InlineData("본문[^1]\n\n[^1]: <svg onload=alert(1)></svg>")] // inline in a footnote
    [InlineData("- [ ] <input type=\"text\" onfocus=\"alert(1)\" autofocus>")] // inline in a task list
    public async Task RenderAsync_RawHtml_IsSanitised(string markdown)
    {
        var page = await RenderAsync(markdown);

        Assert.True(page.SanitizerUsed);
        RenderedHtml.AssertInert(page.Html);
        Assert.DoesNotContain("alert(1)", RenderedHtml.AttributeValues(page.Html, "href"));
    }
}
