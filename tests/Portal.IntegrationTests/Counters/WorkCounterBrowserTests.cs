using Deque.AxeCore.Playwright;
using GatewayPortal.Portal.IntegrationTests.EndToEnd;

namespace GatewayPortal.Portal.IntegrationTests.Counters;

/// <summary>The registry form with the counters checkbox, at desktop and phone widths, with axe.</summary>
public sealed class WorkCounterBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(375, 812)]
    public async Task AdminEdit_CountersCheckbox_AxeCleanAndFitsWidth(int width, int height)
    {
        // Arrange
        var page = await portal.SignedInPageAsync("park.jihoon", width, height);

        // Act
        await page.GotoAsync("/admin/applications/sample-lob/edit");
        var box = page.Locator("#f-CountersApi");
        await box.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"counters-admin-{width}.png") });
        var axe = await page.RunAxe();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        // Assert
        Assert.True(await box.IsCheckedAsync());
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.True(scrollWidth <= width, $"page is {scrollWidth}px wide at {width}px");
    }
}
