using Deque.AxeCore.Playwright;
using GatewayPortal.Boards;
using GatewayPortal.Boards.Attachments;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// The morning of issue #15 in Chromium, with every part real (slapd, SQLite, the sample system pushing its counter over
/// the counters API): sign in → the home shows the notice and the system's counter → the counter opens the system → back →
/// the notice and its attachment → the org chart → a colleague's card → their department → its notice board. On a desk and on a phone, with
/// axe on every page and screenshots in artifacts/screenshots/morning-*.png.
/// </summary>
public sealed class MorningBrowserTests(LiveSsoEnvironment sso) : IClassFixture<LiveSsoEnvironment>
{
    [Theory]
    [InlineData("kim.minsu", "김민수", 1366, 768)]
    [InlineData("lee.jiyoung", "이지영", 375, 812)]
    public async Task Morning_SignInToDepartment_EveryStepWorksAndEveryPageIsAxeClean(string login, string name, int width, int height)
    {
        // Arrange: a notice with a Korean-named attachment on the organisation board, posted by an administrator.
        var size = width < 600 ? "375" : "1366";
        var title = $"아침 점검 공지 {size}";
        const string fileName = "2027년_업무계획(안).txt";
        await PostNoticeAsync(title, fileName);
        var page = await sso.Portal.SignedInPageAsync(login, width, height);
        var violations = new List<string>();

        // Yesterday the person used the sample system once: it pushed "결재 대기 3" for them through the counters API.
        await page.GotoAsync(sso.Sample.BaseAddress.ToString(), new() { Timeout = 30_000 });
        await page.Locator("#approvals-count").WaitForAsync();

        // Act 1: the home shows the counter (pushed in the background) and the notice.
        var counter = page.Locator(".work-list a", new() { HasText = "결재 대기" });
        var counterShown = await Eventually.TryUntilAsync(
            async () =>
            {
                await page.GotoAsync("/");
                return await counter.CountAsync() == 1;
            },
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(250));
        var counterText = counterShown ? await counter.InnerTextAsync() : "";
        var noticeLink = page.Locator(".notice-list a", new() { HasText = title });
        var noticeShown = await noticeLink.CountAsync();
        await CheckAsync(page, "home", size, violations);

        // Act 2: the counter opens the system where the work waits (in a new tab, the portal stays), signed in without
        // a password; back to the home.
        var system = await page.Context.RunAndWaitForPageAsync(() => counter.ClickAsync());
        await system.WaitForURLAsync(
            url => url.StartsWith(sso.Sample.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal),
            new() { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        var systemText = await system.Locator("body").InnerTextAsync();
        await system.CloseAsync();
        await page.GotoAsync("/");

        // Act 3: the notice and its attachment.
        await noticeLink.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/notices/all/", StringComparison.Ordinal));
        // Enhanced navigation changes the address before it swaps the page: wait for the page itself.
        var noticeHeading = await page.Locator("main h1", new() { HasText = title }).InnerTextAsync();
        await CheckAsync(page, "notice", size, violations);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a", new() { HasText = fileName }).ClickAsync());
        var downloadedPath = await download.PathAsync();
        var downloaded = await File.ReadAllTextAsync(downloadedPath, TestContext.Current.CancellationToken);

        // Act 4: the org chart from the header (in the menu on a phone), a colleague found by name, their card, their department.
        await PortalHeader.FollowMainLinkAsync(page, "조직도");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/org");
        await page.Locator("#org-query").WaitForAsync();
        await CheckAsync(page, "org", size, violations);
        await page.Locator("#org-query").FillAsync(name);
        await page.Locator("form.org-search button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=", StringComparison.Ordinal));
        await page.Locator("main a", new() { HasText = name }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/people/" + login);
        var cardName = await page.Locator("#person-name", new() { HasText = name }).InnerTextAsync();
        await CheckAsync(page, "person", size, violations);
        await page.Locator("dl.profile a[href^='/org/']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/org/", StringComparison.Ordinal));
        var member = page.Locator($"main a[href='/people/{login}']");
        var listed = await Eventually.TryUntilAsync(async () => await member.CountAsync() >= 1, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        await CheckAsync(page, "department", size, violations);
        var departmentName = await page.Locator("main h1").InnerTextAsync();

        // Act 5: the department's own notice board, kept in step with the org chart.
        await page.Locator("main a", new() { HasText = "부서 공지" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/notices/dept-", StringComparison.Ordinal));
        var boardHeading = await page.Locator("main h1", new() { HasText = departmentName }).InnerTextAsync();

        // Assert
        Assert.True(counterShown, "the sample system's counter never reached the home");
        Assert.Contains("민원 처리 샘플", counterText, StringComparison.Ordinal);
        Assert.Contains("3", counterText, StringComparison.Ordinal);
        Assert.Equal(1, noticeShown);
        Assert.Contains("결재 대기 문서", systemText, StringComparison.Ordinal);
        Assert.Contains(title, noticeHeading, StringComparison.Ordinal);
        Assert.Equal(fileName, download.SuggestedFilename);
        Assert.Contains("업무계획", downloaded, StringComparison.Ordinal);
        Assert.Equal(name, cardName);
        Assert.True(listed, $"the department page {page.Url} does not list the person");
        Assert.Equal(departmentName, boardHeading);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private async Task PostNoticeAsync(string title, string fileName)
    {
        await using var scope = sso.Portal.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<INoticeWriter>();
        var admin = new BoardViewer("morning-admin", "정보화담당관", "정보화담당관실", ["portal-admins"], IsAdministrator: true);
        var draft = new NoticeDraft(
            title, "오늘 아침 **점검 일정**을 확인해 주십시오.\n\n- 09:00 보안 점검\n- 14:00 부서장 회의", "안내",
            null, null, null, [], [new NoticeUpload(fileName, "2027년 업무계획 초안"u8.ToArray())], []);
        var saved = await writer.CreateAsync(BoardAdmin.OrganisationKey, draft, admin, TestContext.Current.CancellationToken);
        Assert.IsType<NoticeSaveResult.Saved>(saved);
    }

    private static async Task CheckAsync(IPage page, string step, string size, List<string> violations)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var viewport = page.ViewportSize?.Width ?? 0;
        if (width > viewport)
        {
            violations.Add($"{step} at {size}: the page is {width}px wide in a {viewport}px viewport");
        }

        var result = await page.RunAxe();
        violations.AddRange(result.Violations.Select(v => $"{step} at {size}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveBrowserPortal.ArtifactsDirectory, $"morning-{step}-{size}.png"), FullPage = true });
    }
}
