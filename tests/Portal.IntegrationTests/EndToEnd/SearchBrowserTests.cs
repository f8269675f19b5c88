using Deque.AxeCore.Playwright;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 16: the search page in Chromium on a desk and on a phone — a wiki page written in Markdown, a colleague and a
/// system as results, readable at 375 px (<see cref="PhoneLayout"/>), axe-clean, with screenshots in
/// artifacts/screenshots/search-*.png.
/// </summary>
public sealed class SearchBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string WikiTitle = "출장 여비 안내";

    private const string WikiText = "# 출장 여비 안내\n\n출장을 가기 전에 [[출장 신청 절차]]에 따라 **출장 신청서**를 전자결재로 올립니다.[^1]\n\n"
        + "## 여비 기준\n\n| 구분 | 일비 | 식비 |\n| --- | ---: | ---: |\n| 국내 출장 | 25,000원 | 25,000원 |\n| 해외 출장 | 규정에 따름 | 규정에 따름 |\n\n"
        + "## 준비할 것\n\n- [x] 출장 신청서 작성\n- [ ] 부서장 결재\n- [ ] 여비 정산 신청\n\n[^1]: 공무원 여비 규정 제3조에 따릅니다.";

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(375, 812)]
    public async Task SearchPage_WikiColleagueAndSystemResults_ReadableAndAxeCleanOnDeskAndPhone(int width, int height)
    {
        // Arrange
        var size = width < 600 ? "375" : "1366";
        await EnsureWikiPageAsync();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, width, height);
        var problems = new List<string>();

        // Act 1: the wiki page is found through its rendered text.
        var wikiHit = page.Locator(".search-hit", new() { HasText = WikiTitle });
        await ShowAsync(page, "/search?q=" + Uri.EscapeDataString("출장 신청"), wikiHit);
        var snippet = await wikiHit.Locator(".search-snippet").InnerTextAsync();
        var marks = await wikiHit.Locator(".search-snippet mark").AllInnerTextsAsync();
        var facetHeights = await page.Locator(".search-facets a").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        await CheckAsync(page, "search-wiki", size, problems);

        // Act 2: a colleague as a card of labelled fields.
        var personHit = page.Locator(".search-hit", new() { HasText = "이지영" });
        await ShowAsync(page, "/search?source=person&q=" + Uri.EscapeDataString("이지영"), personHit.Locator(".search-person"));
        var labels = await personHit.Locator(".search-person dt").AllInnerTextsAsync();
        await CheckAsync(page, "search-person", size, problems);

        // Act 3: systems, described in Korean only.
        var appHit = page.Locator(".search-hit", new() { HasText = "회의실 예약" });
        await ShowAsync(page, "/search?q=" + Uri.EscapeDataString("회의실"), appHit);
        var appText = await appHit.InnerTextAsync();
        await CheckAsync(page, "search-application", size, problems);

        // Assert
        Assert.Empty(problems);
        Assert.DoesNotContain("[[", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("|", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("[^1]", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("[x]", snippet, StringComparison.Ordinal);
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.True(m.StartsWith("출장", StringComparison.Ordinal) || m.StartsWith("신청", StringComparison.Ordinal), m));
        Assert.All(facetHeights, h => Assert.True(h >= 24, $"a source filter is {h}px high"));
        Assert.Equal(["부서", "직위", "전화번호", "이메일"], labels.Select(l => l.Trim()));
        Assert.DoesNotContain("Book meeting rooms", appText, StringComparison.Ordinal);
    }

    /// <summary>Opens the results until <paramref name="shown"/> is there (people and new pages are indexed in the background).</summary>
    private static async Task ShowAsync(IPage page, string path, ILocator shown)
    {
        var found = await Eventually.TryUntilAsync(
            async () =>
            {
                await page.GotoAsync(path);
                return await shown.CountAsync() > 0;
            },
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(500));
        Assert.True(found, "no result shown at " + path);
    }

    private static async Task CheckAsync(IPage page, string step, string size, List<string> problems)
    {
        if (size == "375")
        {
            problems.AddRange((await PhoneLayout.ProblemsAsync(page)).Select(p => $"{step}: {p}"));
        }

        var axe = await page.RunAxe();
        problems.AddRange(axe.Violations.Select(v => $"{step} at {size}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"{step}-{size}.png"), FullPage = true });
    }

    private async Task EnsureWikiPageAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
        if (await db.WikiPages.AnyAsync(p => p.Title == WikiTitle, TestContext.Current.CancellationToken))
        {
            return;
        }

        var editor = scope.ServiceProvider.GetRequiredService<IWikiEditor>();
        var saved = await editor.SaveAsync(new WikiSaveRequest("", WikiTitle, WikiText, "검색 화면 시험", false, null), new WikiActor("search-kim", "김민수", []), TestContext.Current.CancellationToken);
        Assert.IsType<WikiSaveResult.Saved>(saved);
    }
}
