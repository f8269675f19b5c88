using Deque.AxeCore.Playwright;
using GatewayPortal.Boards;
using GatewayPortal.Boards.Departments;
using GatewayPortal.Boards.Posts;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// Issue #16: the account, notice, org chart, admin, home and error pages at 375×812 (no sideways scrolling, no text
/// crushed into a narrow column, axe clean) and at 1366×768 (axe clean), with screenshots of both in
/// artifacts/screenshots/pages-*.png.
/// </summary>
public sealed class AccountAndPagesPhoneTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private static readonly string[] StaffPages =
    [
        "/", "/me", "/notices", "/notices/all", "/org", "/org/hq-02-02", "/account/signout", "/account/access-denied", "/not-found-page", "/status/403", "/error",
    ];

    private static readonly string[] AdminPages =
    [
        "/me", "/admin/dashboard", "/admin/audit", "/admin/sessions", "/admin/applications", "/admin/applications/new",
        "/admin/search", "/admin/search/sites", "/admin/search/sites/new", "/admin/boards", "/admin/boards/all",
    ];

    [Fact]
    public async Task StaffPages_PhoneAndDesk_FitTheScreenAndAreAxeClean()
    {
        // Arrange: a notice with a second version, so the post and its history have content.
        var postId = await PostNoticeWithHistoryAsync("휴대전화 점검 공지");
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 375, 812);
        var problems = new List<string>();

        // Act
        foreach (var path in StaffPages.Concat([$"/notices/all/{postId}", $"/notices/all/{postId}/history"]))
        {
            await CheckBothSizesAsync(page, path, "staff", problems);
        }

        // Assert
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task AdminPages_PhoneAndDesk_FitTheScreenAndAreAxeClean()
    {
        // Arrange: the audit log and sessions have rows once the administrator has signed in; a notice to edit.
        var postId = await PostNoticeWithHistoryAsync("관리자 점검 공지");
        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid, 375, 812);
        var problems = new List<string>();

        // A crawl site (switched off, so nothing is fetched), so the sites table has a row with its counts and actions.
        await page.GotoAsync("/admin/search/sites/new");
        await page.Locator("#f-Name").FillAsync("구청 소식 홈페이지");
        await page.Locator("#f-StartUrl").FillAsync("http://127.0.0.1:9/news/index.html");
        await page.Locator("#f-Enabled").SetCheckedAsync(false);
        await page.Locator("main button[type=submit].primary").ClickAsync();
        await page.Locator("main table tbody tr", new() { HasText = "구청 소식 홈페이지" }).WaitForAsync();

        // Act
        foreach (var path in AdminPages.Concat(["/notices/all/new", $"/notices/all/{postId}/edit", $"/notices/all/{postId}/history"]))
        {
            await CheckBothSizesAsync(page, path, "admin", problems);
        }

        // Assert
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task SignInPages_PhoneAndDesk_FitTheScreenAndAreAxeClean()
    {
        // Arrange
        var page = await portal.NewPageAsync(375, 812);
        var problems = new List<string>();

        // Act: the login form, then the second step of a person who must enrol a second factor.
        await CheckBothSizesAsync(page, "/account/login", "anon", problems);
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(DemoAccounts.ChoiYuna.Uid);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal), new() { Timeout = 90_000 });
        var secondStep = new Uri(page.Url).PathAndQuery;
        await CheckBothSizesAsync(page, secondStep, "mfa", problems);

        // Assert
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task RememberLogin_TickedThenUnticked_KeepsOnlyTheNameThenForgetsIt()
    {
        // Arrange
        var page = await portal.NewPageAsync(375, 812);
        var login = DemoAccounts.HanSeojun.Uid;

        // Act 1: sign in with 아이디 저장 ticked.
        await SignInAsync(page, login, remember: true);
        var kept = (await page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == RememberedLogin.CookieName);

        // Act 2: the next visit to the login page.
        await page.GotoAsync("/account/login");
        var prefilled = await page.Locator("#login").InputValueAsync();
        var ticked = await page.Locator("#remember-login").IsCheckedAsync();

        // Act 3: sign in with the box unticked, then visit the login page again.
        await SignInAsync(page, login, remember: false);
        var afterUntick = (await page.Context.CookiesAsync()).Where(c => c.Name == RememberedLogin.CookieName).ToList();
        await page.GotoAsync("/account/login");
        var emptied = await page.Locator("#login").InputValueAsync();

        // Assert: the cookie holds the login name and nothing else (never the password), out of scripts' reach.
        Assert.NotNull(kept);
        Assert.Equal(login, kept.Value);
        Assert.DoesNotContain(DemoAccounts.Password, kept.Value, StringComparison.Ordinal);
        Assert.True(kept.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, kept.SameSite);
        Assert.Equal("/account/login", kept.Path);
        Assert.True(DateTimeOffset.FromUnixTimeSeconds((long)kept.Expires) > DateTimeOffset.UtcNow.AddDays(300), "the name is kept for a long time");
        Assert.Equal(login, prefilled);
        Assert.True(ticked);
        Assert.Empty(afterUntick);
        Assert.Equal("", emptied);
    }

    [Fact]
    public async Task RememberLogin_NotTicked_SetsNoCookie()
    {
        // Arrange
        var page = await portal.NewPageAsync(1366, 768);

        // Act
        await SignInAsync(page, DemoAccounts.KimMinsu.Uid, remember: false);
        var cookies = await page.Context.CookiesAsync();

        // Assert
        Assert.DoesNotContain(cookies, c => c.Name == RememberedLogin.CookieName);
    }

    [Fact]
    public async Task Profile_Staff_ShowsWhatGroupsMeanWithoutIds()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.KimMinsu.Uid, 1366, 768);

        // Act
        await page.GotoAsync("/me");
        var groups = await page.Locator("#profile-groups").InnerTextAsync();
        var ids = await page.Locator("#profile-groups code").CountAsync();
        var department = await page.Locator("#profile-department").InnerTextAsync();
        var departmentGroup = await page.Locator("#profile-groups li").First.InnerTextAsync();

        // Assert: 김민수 is in 본청 행정국 총무과; the department's name, not dept-hq-…, and 전 직원, not staff-all.
        Assert.Contains("총무과", department, StringComparison.Ordinal);
        Assert.Contains(department, departmentGroup, StringComparison.Ordinal);
        Assert.Contains("전 직원", groups, StringComparison.Ordinal);
        Assert.DoesNotContain("dept-", groups, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-all", groups, StringComparison.Ordinal);
        Assert.Equal(0, ids);
    }

    [Fact]
    public async Task Profile_Administrator_ShowsGroupIdsBesideTheirNames()
    {
        // Arrange
        var page = await portal.SignedInPageAsync(DemoAccounts.ParkJihoon.Uid, 1366, 768);

        // Act
        await page.GotoAsync("/me");
        var adminRow = await page.Locator("#profile-groups li", new() { HasText = "portal-admins" }).InnerTextAsync();
        var departmentId = await page.Locator("#profile-groups li").First.Locator("code").InnerTextAsync();

        // Assert
        Assert.Contains("포털 관리자", adminRow, StringComparison.Ordinal);
        Assert.StartsWith("dept-", departmentId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_ServerError_ShowsTheRequestNumberOnItsOwnLine()
    {
        // Arrange
        var page = await portal.NewPageAsync(375, 812);

        // Act
        await page.GotoAsync("/error");
        var number = await page.Locator("#request-id").InnerTextAsync();
        var text = await page.Locator("main").InnerTextAsync();

        // Assert: the number stands alone (to read out or copy), not glued into a sentence as "…-00을(를)".
        Assert.Matches("^[0-9a-zA-Z:-]{8,}$", number.Trim());
        Assert.DoesNotContain("을(를)", text, StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IPage page, string login, bool remember)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.Locator("#remember-login").SetCheckedAsync(remember);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
    }

    private static async Task CheckBothSizesAsync(IPage page, string path, string who, List<string> problems)
    {
        var name = who + "-" + string.Concat(path.Trim('/').Split('?')[0].Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        if (name.EndsWith('-'))
        {
            name += "home";
        }

        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync(path);
        await page.Locator("main h1").First.WaitForAsync();
        problems.AddRange((await PhoneLayout.ProblemsAsync(page)).Select(p => $"{path} at 375: {p}"));
        problems.AddRange(await AxeAsync(page, path, 375));
        await page.ScreenshotAsync(new() { Path = Shot($"pages-{name}-375.png"), FullPage = true });

        await page.SetViewportSizeAsync(1366, 768);
        problems.AddRange(await AxeAsync(page, path, 1366));
        await page.ScreenshotAsync(new() { Path = Shot($"pages-{name}-1366.png"), FullPage = true });
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string path, int width)
    {
        var result = await page.RunAxe();
        return result.Violations.Select(v => $"{path} at {width}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
    }

    private async Task<long> PostNoticeWithHistoryAsync(string title)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<INoticeWriter>();
        var admin = new BoardViewer("phone-admin", "정보화담당관", "정보화담당관실", ["portal-admins"], IsAdministrator: true);
        var draft = new NoticeDraft(
            title, "다음 주 **보안 점검** 일정을 안내합니다.\n\n| 일시 | 장소 | 대상 |\n| --- | --- | --- |\n| 12월 14일 09:00 | 본청 대회의실 | 전 부서 정보화 담당자 |\n\n- 점검 전 자료를 저장해 주십시오.",
            "안내", null, null, null, [], [], []);
        var saved = Assert.IsType<NoticeSaveResult.Saved>(await writer.CreateAsync(BoardAdmin.OrganisationKey, draft, admin, TestContext.Current.CancellationToken));
        var updated = await writer.UpdateAsync(
            BoardAdmin.OrganisationKey, saved.PostId, draft with { Body = draft.Body + "\n- 문의: 정보화담당관실 02-2133-0000", BaseVersion = 1 }, admin,
            TestContext.Current.CancellationToken);
        Assert.IsType<NoticeSaveResult.Saved>(updated);
        return saved.PostId;
    }

    private static string Shot(string name) => Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name);
}
