using GatewayPortal.Wiki.Rendering;

namespace GatewayPortal.Wiki.Tests.Rendering;

/// <summary>Issue 16: search snippets showed raw Markdown (<c>[[출장 신청 절차]]</c>, <c>| --- |</c>, <c>[^1]</c>, <c>[x]</c>).</summary>
public sealed class WikiPlainTextTests
{
    [Theory]
    [InlineData("자세한 내용은 [[출장 신청 절차]]를 보세요.", "자세한 내용은 출장 신청 절차를 보세요.")]
    [InlineData("[[인사:출장 신청 절차|출장 절차]] 참고", "출장 절차 참고")]
    [InlineData("[[출장 신청 절차#준비물]]", "출장 신청 절차#준비물")]
    [InlineData("[[출장 신청 절차|]]", "출장 신청 절차")]
    public void Convert_WikiLink_ShowsItsLabel(string markdown, string expected)
    {
        // Act
        var text = WikiPlainText.Convert(markdown);

        // Assert
        Assert.Equal(expected, text.Text);
    }

    [Fact]
    public void Convert_PipeTable_KeepsCellTextWithoutPipesOrRule()
    {
        // Arrange
        const string markdown = "| 구분 | 기한 |\n| --- | :---: |\n| 국내 출장 | 3일 전 |\n| 해외 출장 | 14일 전 |";

        // Act
        var text = WikiPlainText.Convert(markdown).Text;

        // Assert
        Assert.Equal("구분 기한\n국내 출장 3일 전\n해외 출장 14일 전", text);
    }

    [Fact]
    public void Convert_FootnoteReference_IsDroppedAndItsTextKept()
    {
        // Act
        var text = WikiPlainText.Convert("여비 규정을 따릅니다.[^1]\n\n[^1]: 공무원 여비 규정 제3조").Text;

        // Assert
        Assert.DoesNotContain("[^", text, StringComparison.Ordinal);
        Assert.StartsWith("여비 규정을 따릅니다.\n", text, StringComparison.Ordinal);
        Assert.Contains("공무원 여비 규정 제3조", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TaskList_DropsTheMarkers()
    {
        // Act
        var text = WikiPlainText.Convert("- [x] 출장 신청서 작성\n- [ ] 부서장 결재").Text;

        // Assert
        Assert.Equal("출장 신청서 작성\n부서장 결재", text);
    }

    [Fact]
    public void Convert_EmphasisLinksCodeAndImages_KeepOnlyTheirText()
    {
        // Act
        var text = WikiPlainText.Convert("**반드시** [전자결재](https://eap.example/) 에서 `출장` 코드 ![지도 이미지](map.png) &amp; 끝").Text;

        // Assert
        Assert.Equal("반드시 전자결재 에서 출장 코드 지도 이미지 & 끝", text);
    }

    [Fact]
    public void Convert_HeadingsQuotesAndTocMarker_HeadingsListedAndNoMarkup()
    {
        // Act
        var text = WikiPlainText.Convert("[TOC]\n\n# 출장 안내\n\n> 인용문입니다.\n\n## 신청 **방법**\n\n---\n\n본문");

        // Assert
        Assert.Equal(["출장 안내", "신청 방법"], text.Headings);
        Assert.Equal("출장 안내\n인용문입니다.\n신청 방법\n본문", text.Text);
    }

    [Fact]
    public void Convert_RawHtml_KeepsTextAndDropsTagsAndScripts()
    {
        // Act
        var text = WikiPlainText.Convert("<div class=\"note\">\n<b>주의</b> 사항 <script>alert(1)</script>\n</div>\n\n본문 <span>안</span>").Text;

        // Assert
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.Contains("주의", text, StringComparison.Ordinal);
        Assert.EndsWith("본문 안", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_IssueSample_HasNoMarkdownLeft()
    {
        // Arrange: the constructs of the issue's snippets in one page.
        const string markdown = "## 절차\n\n1. [[출장 신청 절차]]를 확인합니다.[^1]\n\n| 항목 | 내용 |\n| --- | --- |\n| 신청 | 전자결재 |\n\n- [x] 완료\n\n[^1]: 규정";

        // Act
        var text = WikiPlainText.Convert(markdown).Text;

        // Assert
        foreach (var markup in new[] { "[[", "]]", "| ---", "[^1]", "[x]", "##", "|" })
        {
            Assert.DoesNotContain(markup, text, StringComparison.Ordinal);
        }

        Assert.Contains("출장 신청 절차를 확인합니다.", text, StringComparison.Ordinal);
    }
}
