using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>Only the stretches of a page that hold raw HTML go through the sanitiser; the rest is Markdig's escaped output.</summary>
public sealed class RawHtmlRegionsTests
{
    private const string Markdown = "## 개요\n\n본문 **굵게** [[민원 안내]] [링크](https://example.org)\n\n| 열 | 값 |\n|---|--:|\n| 가 | 1 |\n\n- [x] 완료\n";

    private static Task<RenderedPage> RenderAsync(string markdown) =>
        new MarkdigWikiRenderer(new FakeLinkResolver(), Options.Create(new WikiOptions())).RenderAsync(markdown, WikiTitle.MainSpace, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RenderAsync_RawHtmlInFirstBlockOnly_KeepsLaterBlocksAsMarkdigWroteThem()
    {
        // Act
        var plain = await RenderAsync(Markdown);
        var withHtml = await RenderAsync("<p>처음 <b>굵게</b></p>\n\n" + Markdown);

        // Assert
        Assert.True(withHtml.SanitizerUsed);
        Assert.EndsWith(plain.Html, withHtml.Html, StringComparison.Ordinal);
        Assert.StartsWith("<p>처음 <b>굵게</b></p>", withHtml.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div>\n\n" + Markdown + "\n<img src=x onerror=alert(1)>\n")] // an element left open: the rest of the page is one stretch
    [InlineData("<details>\n<summary>요약</summary>\n\n" + Markdown + "\n본문 <a href=\"javascript:alert(1)\">x</a>\n\n</details>\n\n" + Markdown)] // closed later
    [InlineData(Markdown + "\n<xmp>\n\n" + Markdown + "\n<script>alert(1)</script>\n")] // a raw-text element left open
    [InlineData("<b id=1>굵게\n\n" + Markdown + "\n\n<span onmouseover=\"alert(1)\">가</span>")] // a formatting element carried on
    [InlineData("<div/>\n\n" + Markdown + "\n\n<svg onload=alert(1)></svg>")] // a self-closing div, which HTML keeps open
    public async Task RenderAsync_RawHtmlAcrossBlocks_IsSanitisedInEveryStretch(string markdown)
    {
        // Act
        var page = await RenderAsync(markdown);

        // Assert
        Assert.True(page.SanitizerUsed);
        RenderedHtml.AssertInert(page.Html);
        Assert.DoesNotContain("alert(1)", page.Html, StringComparison.Ordinal);
    }
}
