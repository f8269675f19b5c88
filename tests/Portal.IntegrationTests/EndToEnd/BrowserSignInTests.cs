using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>A person in a real browser: signs in once, sees the portal, signs out; pages pass axe.</summary>
public sealed class BrowserSignInTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string AxeWikiSlug = WikiTestPages.AxeSlug;

    [Fact]
    public async Task Browser_SignInThenSignOut_ShowsHomeThenLoginAgain()
    {
        // Arrange
        var page = await portal.NewPageAsync();

        // Act: an anonymous visit is sent to the login page, which returns to the home (/) after sign-in; then the catalogue.
        await page.GotoAsync("/");
        await page.Locator("#login").FillAsync(DemoAccounts.KimMinsu.Uid);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var heading = await page.Locator("h1").TextContentAsync();
        var headerStyle = await page.EvaluateAsync<string>("(s => s.position + ' ' + s.backgroundColor)(getComputedStyle(document.querySelector('header')))");
        await page.GotoAsync("/apps");
        var sampleTile = await page.Locator("a.open", new() { HasText = "민원 처리 샘플" }).CountAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, "launcher-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        var phoneWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, "launcher-375.png") });
        await page.SetViewportSizeAsync(1280, 900);

        await PortalHeader.SignOutAsync(page);
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        var notice = await page.Locator("[role=status]").TextContentAsync();
        await page.GotoAsync("/");

        // Assert
        Assert.Equal("안녕하세요, 김민수님", heading);
        Assert.Equal(1, sampleTile);
        Assert.True(phoneWidth <= 375, $"launcher is {phoneWidth}px wide at 375px");
        Assert.Equal("sticky rgb(255, 255, 255)", headerStyle); // the scoped styles (sticky) and app.css's --surface token were served
        Assert.Equal("로그아웃되었습니다.", notice);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_Phone375_LoginFormFitsWithoutHorizontalScroll()
    {
        // Arrange
        var page = await portal.NewPageAsync(375, 740);

        // Act
        await page.GotoAsync("/account/login");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, "login-375.png"), FullPage = true });

        // Assert
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide at 375px");
    }

    [Theory]
    [InlineData("/account/login", null)]
    [InlineData("/", "kim.minsu")]
    [InlineData("/apps", "kim.minsu")]
    [InlineData("/me", "kim.minsu")]
    [InlineData("/admin/audit", "park.jihoon")]
    [InlineData("/admin/sessions", "park.jihoon")]
    [InlineData("/admin/dashboard", "park.jihoon")]
    [InlineData("/people/lee.jiyoung", "kim.minsu")]
    [InlineData("/admin/search", "park.jihoon")]
    [InlineData("/admin/applications", "park.jihoon")]
    [InlineData("/admin/applications/hr-personnel/edit", "park.jihoon")]
    [InlineData("/wiki/" + AxeWikiSlug, "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/history", "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/diff", "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/diff?view=inline", "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/blame", "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/edit", "kim.minsu")]
    [InlineData("/wiki/" + AxeWikiSlug + "/manage", "park.jihoon")]
    [InlineData("/wiki/special/recent", "kim.minsu")]
    [InlineData("/search?q=%EA%B4%80%EB%A6%AC", "kim.minsu")]
    public async Task Axe_PortalPage_HasNoAccessibilityViolations(string path, string? login)
    {
        // Arrange
        if (path.StartsWith("/wiki/", StringComparison.Ordinal))
        {
            await WikiTestPages.EnsureAxePageAsync(portal);
        }

        var page = await portal.NewPageAsync();
        if (login is not null)
        {
            await page.GotoAsync("/account/login");
            await page.Locator("#login").FillAsync(login);
            await page.Locator("#password").FillAsync(DemoAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        }

        // Act
        await page.GotoAsync(path);
        if (path.StartsWith("/wiki/", StringComparison.Ordinal) && path.EndsWith("/edit", StringComparison.Ordinal))
        {
            // Check the editor with its interactive toolbar and live preview in place.
            await page.Locator(".wiki-toolbar").WaitForAsync();
            await page.Locator(".wiki-preview .wiki-content").WaitForAsync();
        }

        var result = await page.RunAxe();

        // Assert
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
