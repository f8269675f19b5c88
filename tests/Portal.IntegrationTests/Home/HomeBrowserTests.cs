using Deque.AxeCore.Playwright;
using GatewayPortal.Portal.IntegrationTests.EndToEnd;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.Home;

/// <summary>
/// The home and the catalogue in Chromium at 1366×768 and 375×812: screenshots (artifacts/screenshots/home-*.png,
/// apps-*.png), axe, no horizontal scrolling on a phone, and a counter that opens the right page of the right system.
/// </summary>
public sealed class HomeBrowserTests(HomeBrowserPortal portal) : IClassFixture<HomeBrowserPortal>
{
    private const string MeetingRooms = "https://doc-meeting-rooms.apps.cityhall.example";

    [Fact]
    public async Task Home_EmptySources_EverySectionSaysSoAndIsAxeCleanOnDesktopAndPhone()
    {
        // Arrange: a person with no favourites or launches, and nothing in the three sources.
        portal.Sources.Clear();
        var page = await portal.SignedInPageAsync(DemoAccounts.HanSeojun.Uid, 1366, 768);

        // Act
        await page.GotoAsync("/");
        var empties = await page.Locator("main p.empty").CountAsync();
        var desktop = await page.RunAxe();
        await Screenshot(page, "home-empty-1366.png");
        await page.SetViewportSizeAsync(375, 812);
        var phoneWidth = await ScrollWidth(page);
        var phone = await page.RunAxe();
        await Screenshot(page, "home-empty-375.png");

        // Assert
        Assert.Equal(6, empties);
        Assert.True(phoneWidth <= 375, $"home is {phoneWidth}px wide at 375px");
        AssertClean(desktop);
        AssertClean(phone);
    }

    [Fact]
    public async Task Home_FullSources_ShowsTheMorningAndACounterOpensThatPageOfTheSystem()
    {
        // Arrange: counters, notices and wiki changes; four favourites (one under maintenance), pinned with the stars on /apps.
        portal.Sources.Counters = await HomeDemoData.CountersAsync(portal.Services);
        portal.Sources.Notices = HomeDemoData.Notices();
        portal.Sources.Changes = HomeDemoData.WikiChanges();
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);
        foreach (var name in new[] { "회의실 예약", "법인카드 정산", "3D 도시모델", "민원 처리 샘플" })
        {
            await page.GotoAsync("/apps?q=" + Uri.EscapeDataString(name));
            await page.GetByRole(AriaRole.Button, new() { Name = name + " 즐겨찾기에 추가" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/apps?q=", StringComparison.Ordinal));
        }

        await page.Context.RouteAsync(MeetingRooms + "/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>회의실 예약</title><p>bookings</p>" }));

        // Act
        await page.GotoAsync("/");
        var work = await page.Locator(".work-list a").AllInnerTextsAsync();
        var badge = await page.Locator("section:has(#favorites) li.tile", new() { HasText = "회의실 예약" }).Locator(".work .visually-hidden").TextContentAsync();
        var maintenance = await page.Locator(".maintenance-list li").AllInnerTextsAsync();
        var notices = await page.Locator(".notice-list li").CountAsync();
        var desktop = await page.RunAxe();
        await Screenshot(page, "home-full-1366.png");
        await page.SetViewportSizeAsync(375, 812);
        var phoneWidth = await ScrollWidth(page);
        var phone = await page.RunAxe();
        await Screenshot(page, "home-full-375.png");
        await page.SetViewportSizeAsync(1366, 768);
        // Systems open in a new tab by default: the portal stays where it was.
        var system = await page.Context.RunAndWaitForPageAsync(() => page.Locator(".work-list a", new() { HasText = "예약 승인 대기" }).ClickAsync());
        await system.WaitForURLAsync(url => url.StartsWith(MeetingRooms, StringComparison.Ordinal));
        var arrived = system.Url;
        await system.CloseAsync();

        // Assert
        Assert.Contains(work, w => w.Contains("회의실 예약", StringComparison.Ordinal) && w.Contains("예약 승인 대기", StringComparison.Ordinal) && w.Contains("3건", StringComparison.Ordinal));
        Assert.Equal("처리할 일 3건", badge);
        Assert.Contains(maintenance, m => m.Contains("3D 도시모델", StringComparison.Ordinal));
        Assert.Equal(8, notices);
        Assert.Equal(MeetingRooms + "/bookings?state=waiting", arrived);
        Assert.True(phoneWidth <= 375, $"home is {phoneWidth}px wide at 375px");
        AssertClean(desktop);
        AssertClean(phone);
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_WithCounters_TilesCarryBadgesAndThePageIsAxeClean()
    {
        // Arrange
        portal.Sources.Clear();
        portal.Sources.Counters = await HomeDemoData.CountersAsync(portal.Services);
        var page = await portal.SignedInPageAsync(DemoAccounts.LeeJiyoung.Uid, 1366, 768);

        // Act
        await page.GotoAsync("/apps");
        var badges = await page.Locator("li.tile .work .visually-hidden").AllTextContentsAsync();
        var desktop = await page.RunAxe();
        await page.Locator("li.tile:has(.work)").First.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "apps-1366.png", fullPage: false);
        await page.SetViewportSizeAsync(375, 812);
        var phoneWidth = await ScrollWidth(page);
        var phone = await page.RunAxe();
        await page.Locator("li.tile:has(.work)").First.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "apps-375.png", fullPage: false);

        // Assert
        Assert.Contains("처리할 일 6건", badges); // 법인카드 정산: 5 + 1
        Assert.True(phoneWidth <= 375, $"/apps is {phoneWidth}px wide at 375px");
        AssertClean(desktop);
        AssertClean(phone);
    }

    private static Task<int> ScrollWidth(IPage page) => page.EvaluateAsync<int>("document.documentElement.scrollWidth");

    private static Task Screenshot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name), FullPage = fullPage });

    private static void AssertClean(Deque.AxeCore.Commons.AxeResult result) =>
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
}
