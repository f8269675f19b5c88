using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The wiki editor in real browsers: the interactive toolbar and live preview, and two people saving the same page at once.</summary>
public sealed class WikiBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string Original = "첫째 줄\n둘째 줄\n셋째 줄\n넷째 줄\n다섯째 줄";

    [Fact]
    public async Task Editor_TwoBrowsersSaveTheSamePage_BothChangesKeptByMergeOrShownConflict()
    {
        // Arrange: 김민수 creates the page, then both people open its editor on the same revision.
        var kim = await SignInAsync(DemoAccounts.KimMinsu.Uid);
        var lee = await SignInAsync(DemoAccounts.LeeJiyoung.Uid);
        const string path = "/wiki/%EB%8F%99%EC%8B%9C_%ED%8E%B8%EC%A7%91_%EC%8B%9C%ED%97%98"; // 동시_편집_시험
        await kim.GotoAsync(path + "/edit");
        await kim.Locator("#wiki-text").FillAsync(Original);
        await kim.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
        await kim.WaitForURLAsync(url => url.Contains("notice=saved", StringComparison.Ordinal));
        await kim.GotoAsync(path + "/edit");
        await lee.GotoAsync(path + "/edit");

        // Act: both type, then both save.
        await kim.Locator("#wiki-text").FillAsync("첫째 줄 — 김민수 고침\n둘째 줄\n셋째 줄\n넷째 줄\n다섯째 줄");
        await lee.Locator("#wiki-text").FillAsync("첫째 줄\n둘째 줄\n셋째 줄\n넷째 줄\n다섯째 줄 — 이지영 고침");
        await kim.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
        await kim.WaitForURLAsync(url => url.Contains("notice=saved", StringComparison.Ordinal));
        await lee.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
        await lee.WaitForLoadStateAsync();
        await lee.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, "wiki-after-concurrent-save.png"), FullPage = true });
        var merged = lee.Url.Contains("notice=merged", StringComparison.Ordinal);
        var conflictShown = await lee.Locator(".wiki-conflict").CountAsync() > 0;
        var leeText = conflictShown ? await lee.Locator("#wiki-text").InputValueAsync() : "";
        await kim.GotoAsync(path);
        var content = await kim.Locator(".wiki-content").InnerTextAsync();

        // Assert: a merge with both changes, or a shown conflict that kept every character 이지영 typed.
        Assert.True(merged || conflictShown, $"neither merged nor a conflict: {lee.Url}");
        if (merged)
        {
            Assert.Contains("김민수 고침", content, StringComparison.Ordinal);
            Assert.Contains("이지영 고침", content, StringComparison.Ordinal);
            Assert.Contains("자동으로 합쳐", await lee.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("이지영 고침", leeText, StringComparison.Ordinal);
            Assert.Contains("김민수 고침", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editor_ToolbarBoldThenTyping_InsertsMarkdownAndLivePreviewRendersIt()
    {
        // Arrange
        var page = await SignInAsync(DemoAccounts.HanSeojun.Uid);
        await page.GotoAsync("/wiki/%EB%8F%84%EA%B5%AC_%EC%8B%9C%ED%97%98/edit"); // 도구_시험
        var bold = page.Locator(".wiki-toolbar").GetByRole(AriaRole.Button, new() { Name = "굵게" });
        await bold.WaitForAsync();

        // Act
        await page.Locator("#wiki-text").FillAsync("안내: ");
        await page.Locator("#wiki-text").PressAsync("End");
        await bold.ClickAsync();
        await page.Locator(".wiki-preview strong").WaitForAsync();
        var text = await page.Locator("#wiki-text").InputValueAsync();
        var strong = await page.Locator(".wiki-preview strong").InnerTextAsync();
        await page.SetViewportSizeAsync(375, 800);
        var phoneWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, "wiki-editor-375.png"), FullPage = true });

        // Assert
        Assert.Equal("안내: **굵은 글씨**", text);
        Assert.Equal("굵은 글씨", strong);
        Assert.True(phoneWidth <= 375, $"editor is {phoneWidth}px wide at 375px");
    }

    private Task<IPage> SignInAsync(string login) => portal.SignedInPageAsync(login);
}
