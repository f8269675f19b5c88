using GatewayPortal.Portal.Components.Pages.Wiki;

namespace GatewayPortal.Portal.Tests.Components.Wiki;

public sealed class TaskListLabelsTests
{
    [Theory]
    [InlineData("<li><input disabled=\"disabled\" type=\"checkbox\"> 할 일</li>", "<li><input disabled=\"disabled\" type=\"checkbox\" aria-label=\"아직\"> 할 일</li>")]
    [InlineData("<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" />", "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" aria-label=\"완료\">")]
    [InlineData("<input type=\"checkbox\" aria-label=\"있음\">", "<input type=\"checkbox\" aria-label=\"있음\">")] // an existing name is kept
    [InlineData("<p>체크박스 없음</p>", "<p>체크박스 없음</p>")]
    public void Apply_TaskListCheckbox_GetsAnAccessibleName(string html, string expected)
    {
        // Act
        var result = TaskListLabels.Apply(html, "완료", "아직");

        // Assert
        Assert.Equal(expected, result);
    }
}
