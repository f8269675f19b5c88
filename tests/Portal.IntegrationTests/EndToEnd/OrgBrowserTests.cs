using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>Issue #15 (4): the org chart, a department page and a person card in Chromium, on a desktop and a phone.</summary>
public sealed class OrgBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    [Theory]
    [InlineData("/org?open=hq-02-02-1", "org-chart", 1366, 768)]
    [InlineData("/org?open=hq-02-02-1", "org-chart", 375, 812)]
    [InlineData("/org?q=%EC%9D%B8%EC%82%AC", "org-search", 375, 812)]
    [InlineData("/org/hq-02-02", "org-department", 1366, 768)]
    [InlineData("/org/hq-02-02", "org-department", 375, 812)]
    [InlineData("/people/lee.jiyoung", "org-person", 1366, 768)]
    [InlineData("/people/lee.jiyoung", "org-person", 375, 812)]
    [InlineData("/search?source=person&q=%EC%9D%B4%EC%A7%80%EC%98%81", "org-colleague-search", 375, 812)]
    public async Task OrgPage_DesktopAndPhone_FitsTheScreenAndHasNoAccessibilityViolations(string path, string name, int width, int height)
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, width, height);
        await WaitForChartAsync(page);

        // Act
        await page.GotoAsync(path);
        if (path.StartsWith("/search", StringComparison.Ordinal))
        {
            // The staff directory is indexed shortly after start.
            for (var i = 0; i < 50 && await page.Locator(".search-person").CountAsync() == 0; i++)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                await page.ReloadAsync();
            }
        }

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"{name}-{width}.png"), FullPage = true });
        var axe = await page.RunAxe();

        // Assert
        Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at {width}px");
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [Fact]
    public async Task OrgChart_WithoutJavaScript_SummaryOpensADivisionAndLinksLeadToTheDepartment()
    {
        // Arrange
        var signedIn = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);
        await WaitForChartAsync(signedIn);
        var context = await portal.Browser.NewContextAsync(new() { BaseURL = portal.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "ko-KR", ViewportSize = new() { Width = 1366, Height = 768 } });
        var cookies = await signedIn.Context.CookiesAsync();
        await context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/org");

        // Act: open 재무국 by its summary, then follow 예산과.
        await page.Locator("#d-hq-03 > details > summary").ClickAsync();
        var budget = page.Locator("#d-hq-03-01 a").First;
        await budget.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await budget.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/org/hq-03-01", StringComparison.Ordinal));

        // Assert
        Assert.Equal("예산과", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    private static async Task WaitForChartAsync(IPage page)
    {
        for (var i = 0; i < 50; i++)
        {
            await page.GotoAsync("/org");
            if (await page.Locator(".org-tree").CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
