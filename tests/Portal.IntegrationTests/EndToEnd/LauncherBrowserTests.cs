using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// The systems catalogue (/apps) in Chromium: the filter narrows the tiles as you type (ranked by the server, announced),
/// still works as a form without JavaScript, and systems open in a new tab unless the person turns that off.
/// Screenshots: artifacts/screenshots/launcher-*.png at 1366×768 and 375×812.
/// </summary>
public sealed class LauncherBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string MeetingRooms = "https://doc-meeting-rooms.apps.cityhall.example";

    [Fact]
    public async Task Apps_TypingInitials_FiltersAsYouTypeRankedAndAnnouncesTheCount()
    {
        // Arrange: an HR officer sees 인사관리, 인사 셀프서비스, 파견·인사교류 and 사이버 교육센터, all matching ㅇㅅ.
        var page = await portal.SignedInPageAsync(DemoAccounts.LeeJiyoung.Uid, 1366, 768);
        await page.GotoAsync("/apps");
        var before = await page.Locator("#apps-results li.tile").CountAsync();

        // Act: type, never press 찾기.
        await page.Locator("#q").PressSequentiallyAsync("ㅇㅅ", new() { Delay = 60 });
        await page.Locator("#apps-results h2#results", new() { HasText = "찾은 시스템" }).WaitForAsync();
        var names = (await page.Locator("#apps-results li.tile .name").AllInnerTextsAsync()).ToList();
        var status = await page.Locator("#apps-found").InnerTextAsync();
        var statusRole = await page.Locator("#apps-found").GetAttributeAsync("role");
        var address = page.Url;
        var desktop = await page.RunAxe();
        await Screenshot(page, "launcher-filter-1366.png");
        await page.SetViewportSizeAsync(375, 812);
        var phoneProblems = await PhoneLayout.ProblemsAsync(page);
        var phone = await page.RunAxe();
        await Screenshot(page, "launcher-filter-375.png");

        // Assert
        Assert.True(names.Count < before, $"{names.Count} tiles after typing, {before} before");
        Assert.Equal(["인사 셀프서비스", "인사관리"], names.Take(2).Order(StringComparer.Ordinal));
        Assert.True(names.IndexOf("파견·인사교류") > 1, string.Join(", ", names));
        Assert.True(names.IndexOf("사이버 교육센터") > names.IndexOf("파견·인사교류"), string.Join(", ", names)); // inside a word: later
        Assert.Equal($"시스템 {names.Count}개를 찾았습니다.", status);
        Assert.Equal("status", statusRole);
        Assert.EndsWith("/apps?q=" + Uri.EscapeDataString("ㅇㅅ"), address, StringComparison.Ordinal);
        Assert.Empty(phoneProblems);
        AssertClean(desktop);
        AssertClean(phone);
    }

    [Fact]
    public async Task Apps_WithoutJavaScript_TheFilterIsAFormThatGivesTheSameRanking()
    {
        // Arrange
        var context = await portal.Browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            Locale = "ko-KR",
            ViewportSize = new() { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(DemoAccounts.LeeJiyoung.Uid);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await page.GotoAsync("/apps");

        // Act: typing alone changes nothing without script; 찾기 submits the form.
        await page.Locator("#q").FillAsync("ㅇㅅ");
        await page.WaitForTimeoutAsync(600);
        var resultsBeforeSubmit = await page.Locator("h2#results").CountAsync();
        await page.Locator("form.filter button[type=submit]").ClickAsync();
        await page.Locator("h2#results", new() { HasText = "찾은 시스템" }).WaitForAsync();
        var names = (await page.Locator("li.tile .name").AllInnerTextsAsync()).ToList();
        var status = await page.Locator("#apps-found").InnerTextAsync();

        // Assert
        Assert.Equal(0, resultsBeforeSubmit);
        Assert.Equal(["인사 셀프서비스", "인사관리"], names.Take(2).Order(StringComparer.Ordinal));
        Assert.True(names.IndexOf("사이버 교육센터") > names.IndexOf("파견·인사교류"), string.Join(", ", names));
        Assert.Equal($"시스템 {names.Count}개를 찾았습니다.", status);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Apps_Systems_OpenInANewTabSayItAndTheChoiceToStayIsRemembered()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);
        await page.Context.RouteAsync(MeetingRooms + "/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>회의실 예약</title><p>rooms</p>" }));
        await page.GotoAsync("/apps?q=" + Uri.EscapeDataString("회의실 예약"));
        var tile = page.Locator("#apps-results li.tile a.open", new() { HasText = "회의실 예약" });
        var toggle = page.Locator("button.switch");

        // Act 1: by default a new tab, said to screen readers, and the portal stays.
        var target = await tile.GetAttributeAsync("target");
        var rel = await tile.GetAttributeAsync("rel");
        await Assertions.Expect(tile).ToHaveAccessibleNameAsync(new Regex("^회의실 예약.*\\(새 창에서 열림\\)$"));
        var pressedBefore = await toggle.GetAttributeAsync("aria-pressed");
        var system = await page.Context.RunAndWaitForPageAsync(() => tile.ClickAsync());
        await system.WaitForURLAsync(url => url.StartsWith(MeetingRooms, StringComparison.Ordinal));
        await system.CloseAsync();
        var portalStayed = page.Url;
        var desktop = await page.RunAxe();
        await Screenshot(page, "launcher-newtab-1366.png");

        // Act 2: turn it off; the choice holds on the next visit (a new page of the same browser).
        await toggle.ClickAsync();
        await page.Locator("button.switch[aria-pressed=false]").WaitForAsync();
        var later = await page.Context.NewPageAsync();
        await later.SetViewportSizeAsync(375, 812);
        await later.GotoAsync("/apps?q=" + Uri.EscapeDataString("회의실 예약"));
        var laterTile = later.Locator("#apps-results li.tile a.open", new() { HasText = "회의실 예약" });
        var laterTarget = await laterTile.GetAttributeAsync("target");
        var laterHints = await laterTile.Locator("[data-new-tab-hint]").CountAsync();
        var laterPressed = await later.Locator("button.switch").GetAttributeAsync("aria-pressed");
        var phoneProblems = await PhoneLayout.ProblemsAsync(later);
        var phone = await later.RunAxe();
        await Screenshot(later, "launcher-newtab-375.png");
        await laterTile.ClickAsync();
        await later.WaitForURLAsync(url => url.StartsWith(MeetingRooms, StringComparison.Ordinal));

        // Assert
        Assert.Equal("_blank", target);
        Assert.Equal("noopener", rel);
        Assert.Equal("true", pressedBefore);
        Assert.Contains("/apps", portalStayed, StringComparison.Ordinal);
        Assert.Null(laterTarget);
        Assert.Equal(0, laterHints);
        Assert.Equal("false", laterPressed);
        Assert.Empty(phoneProblems);
        AssertClean(desktop);
        AssertClean(phone);
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name), FullPage = false });

    private static void AssertClean(AxeResult result) =>
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
}
