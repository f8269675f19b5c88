using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>The ☆ on a wiki page and the watch list in a real browser, at desktop and phone sizes, with axe.</summary>
public sealed class WikiWatchBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private static readonly WikiActor Lee = new("watch-lee", "이지영", []);
    private static readonly WikiActor Choi = new("watch-choi", "최유나", []);

    [Fact]
    public async Task Star_PressedOnTwoPages_WatchlistListsTheirChangesAndPages_AxeCleanAtBothSizes()
    {
        // Arrange: two pages written and then changed by colleagues.
        await WriteAsync("2027년 예산 편성 지침", Lee, Choi);
        await WriteAsync("국내 출장 여비 규정", Choi, Lee);
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);
        var violations = new List<string>();

        // Act: press ☆ on both pages (plain form posts), then open the watch list.
        await page.GotoAsync("/wiki/2027%EB%85%84_%EC%98%88%EC%82%B0_%ED%8E%B8%EC%84%B1_%EC%A7%80%EC%B9%A8");
        await Axe(page, "page with ☆");
        await Shot(page, "wiki-watch-star-1366.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "이 문서 관심 등록" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("notice=watched", StringComparison.Ordinal));
        var pressed = await page.GetByRole(AriaRole.Button, new() { Name = "관심 해제" }).GetAttributeAsync("aria-pressed");
        await Axe(page, "page with ★");
        await Shot(page, "wiki-watch-star-pressed-1366.png");
        await page.GotoAsync("/wiki/%EA%B5%AD%EB%82%B4_%EC%B6%9C%EC%9E%A5_%EC%97%AC%EB%B9%84_%EA%B7%9C%EC%A0%95");
        await page.GetByRole(AriaRole.Button, new() { Name = "이 문서 관심 등록" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("notice=watched", StringComparison.Ordinal));
        await page.GotoAsync("/wiki/special/watchlist");
        var titles = await page.Locator("table.wiki-recent tbody th a:first-child").AllInnerTextsAsync();
        var watched = await page.Locator(".watch-pages li a").AllInnerTextsAsync();
        await Axe(page, "watchlist 1366");
        await Shot(page, "wiki-watchlist-1366.png");
        await page.SetViewportSizeAsync(375, 812);
        var phoneWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await Axe(page, "watchlist 375");
        await Shot(page, "wiki-watchlist-375.png");
        await page.GotoAsync("/wiki/%EA%B5%AD%EB%82%B4_%EC%B6%9C%EC%9E%A5_%EC%97%AC%EB%B9%84_%EA%B7%9C%EC%A0%95");
        var pagePhoneWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await Axe(page, "page 375");
        await Shot(page, "wiki-watch-star-375.png");

        // Assert
        Assert.Equal("true", pressed);
        Assert.Equal(["국내 출장 여비 규정", "2027년 예산 편성 지침"], titles.Where(t => t is "국내 출장 여비 규정" or "2027년 예산 편성 지침"));
        Assert.Contains("2027년 예산 편성 지침", watched);
        Assert.Contains("국내 출장 여비 규정", watched);
        Assert.True(phoneWidth <= 375, $"watchlist is {phoneWidth}px wide at 375px");
        Assert.True(pagePhoneWidth <= 375, $"page is {pagePhoneWidth}px wide at 375px");
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        async Task Axe(IPage p, string where)
        {
            var result = await p.RunAxe();
            violations.AddRange(result.Violations.Select(v => $"{where}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
        }
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name), FullPage = true });

    private async Task WriteAsync(string title, WikiActor first, WikiActor second)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
        var cancel = TestContext.Current.CancellationToken;
        var text = $"# {title}\n\n## 목적\n\n이 문서는 {title}을 안내합니다.\n\n## 절차\n\n1. 부서별 요구를 받습니다.\n2. 담당 과에서 검토합니다.";
        var saved = Assert.IsType<WikiSaveResult.Saved>(await editor.SaveAsync(new WikiSaveRequest("", title, text, "처음 만듦", false, null), first, cancel));
        Assert.IsType<WikiSaveResult.Saved>(await editor.SaveAsync(
            new WikiSaveRequest("", title, text + "\n3. 결과를 공지합니다.", "절차 보강", false, saved.Revision.Id), second, cancel));
    }
}
