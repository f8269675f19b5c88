using GatewayPortal.Portal.Components.Pages.Wiki;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

public sealed class RenderedHtmlTests
{
    [Theory]
    [InlineData("<table><tr><td>가</td></tr></table>", "<div class=\"wiki-table\" tabindex=\"0\"><table><tr><td>가</td></tr></table></div>")] // a wide table scrolls on a phone: the keyboard must reach it
    [InlineData("<li><input type=\"checkbox\"> 할 일</li>", "<li><input type=\"checkbox\" aria-label=\"아직\"> 할 일</li>")]
    [InlineData("<p>표 없음</p>", "<p>표 없음</p>")]
    public void Finish_RenderedHtml_TablesScrollInAFocusableBoxAndTaskBoxesGetNames(string html, string expected)
    {
        // Act
        var result = RenderedHtml.Finish(html, "완료", "아직");

        // Assert
        Assert.Equal(expected, result);
    }
}
