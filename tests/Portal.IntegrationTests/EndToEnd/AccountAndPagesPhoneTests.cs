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
/// Issue #16: the sign-in pages (login and the second-factor step) at 375×812 and 1366×768, the login page's 아이디 저장,
/// what /me shows staff and administrators, and the error page. Every other page's layout is checked by
/// <see cref="EveryPageLayoutTests"/>.
/// </summary>
public sealed class AccountAndPagesPhoneTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
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

    private static string Shot(string name) => Path.Combine(LiveBrowserPortal.ArtifactsDirectory, name);
}
