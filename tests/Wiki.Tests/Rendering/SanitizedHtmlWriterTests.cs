using GatewayPortal.Wiki.Rendering;

namespace GatewayPortal.Wiki.Tests.Rendering;

public sealed class SanitizedHtmlWriterTests
{
    [Theory]
    [InlineData("<p>가 &amp; 나 &lt;b&gt; \u00A0 끝</p>")]
    [InlineData("<pre>\n\n첫 줄\n</pre><textarea>\nx</textarea><pre>x</pre>")]
    [InlineData("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" title=\"'작은' &quot;큰&quot;\">링크</a>")]
    [InlineData("<br><hr><img src=\"/a.png\" alt=\"\"><input type=\"checkbox\" checked><wbr><col>")]
    [InlineData("<table><thead><tr><th style=\"text-align: right;\">금액</th><th style=\"text-align: center;\">가</th><th style=\"text-align: left;\">나</th></tr></thead><tbody><tr><td style=\"text-align: right\">1</td></tr></tbody></table>")]
    [InlineData("<b><i>굵게 기울임</b> 나머지</i><p>문단<div>블록</div>")]
    [InlineData("<details><summary>요약</summary><ul><li>하나<li>둘</ul></details><!-- 주석 -->")]
    [InlineData("<script>alert(1)</script><style>p{color:red}</style><svg><path d=\"M0\"/></svg><math><mi>x</mi></math>")]
    [InlineData("<form><button>보내기</button></form><iframe src=\"https://x\"></iframe>텍스트 > < &")]
    [InlineData("<div id=\"a\" class=\"b c\" role=\"note\" data-x=\"1\" onclick=\"x()\">속성</div>")]
    public void ChildrenOf_SanitizedDom_MatchesHtmlSanitizersOwnOutput(string html)
    {
        // Arrange
        var expected = WikiHtmlSanitizer.Shared.Sanitize(html);

        // Act
        var actual = WikiHtmlSanitizer.Sanitize(html, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("<td data-wiki-align=\"right; background: url(x)\">1</td>")]
    [InlineData("<td data-wiki-align=\"x\" style=\"color: red\">1</td>")]
    public void Sanitize_AuthorWrittenAlignmentAttribute_NeverBecomesOtherStyle(string cell)
    {
        // Act
        var html = WikiHtmlSanitizer.Sanitize("<table><tr>" + cell + "</tr></table>", TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain("data-wiki-align", html, StringComparison.Ordinal);
        Assert.DoesNotContain("background", html, StringComparison.Ordinal);
        Assert.DoesNotContain("color", html, StringComparison.Ordinal);
    }
}
