using System.Collections.Concurrent;
using GatewayPortal.Portal.IntegrationTests.EndToEnd;
using GatewayPortal.Portal.IntegrationTests.Oidc;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// The Content-Security-Policy in Chromium: what the portal itself needs still works under it (OpenIddict's form_post
/// auto-submit, front-channel logout frames, the Blazor islands), and nothing the portal renders trips it.
/// </summary>
public sealed class CspBrowserTests(LiveBrowserPortal portal) : IClassFixture<LiveBrowserPortal>
{
    private const string DocBoard = "https://doc-board.apps.cityhall.example";

    [Fact]
    public async Task AuthorizeWithFormPost_UnderTheCsp_AutoSubmitsTheCodeToTheApplication()
    {
        // Arrange: the application's redirect URI is answered by the test, which records what the browser posts.
        await using var context = await SignedInContextAsync(DemoAccounts.KimMinsu.Uid);
        var posted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync(OidcFlow.RedirectUri + "**", async route =>
        {
            posted.TrySetResult(route.Request.Method + " " + route.Request.PostData);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>ok</title><p>ok</p>" });
        });
        var page = await context.NewPageAsync();
        using var client = portal.CreatePortalClient();
        var url = new OidcFlow(client).AuthorizeUrl() + "&response_mode=form_post";

        // Act
        await page.GotoAsync(url);
        var winner = await Task.WhenAny(posted.Task, Task.Delay(15_000, TestContext.Current.CancellationToken));
        var violations = await Violations(page);

        // Assert
        Assert.True(winner == posted.Task, $"the form was not submitted; CSP: {string.Join(" | ", violations)}");
        var body = await posted.Task;
        Assert.StartsWith("POST ", body, StringComparison.Ordinal);
        Assert.Contains("code=", body, StringComparison.Ordinal);
        Assert.Contains("state=state-123", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_SessionUsedFrontChannelApp_ChromiumLoadsTheLogoutFrameWithoutViolations()
    {
        // Arrange: the session signs into doc-board (front-channel logout only); its site is answered by the test.
        await using var context = await SignedInContextAsync(DemoAccounts.KimMinsu.Uid);
        var requests = new ConcurrentQueue<string>();
        await context.RouteAsync(DocBoard + "/**", async route =>
        {
            requests.Enqueue(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>logout</title><p>bye</p>" });
        });
        var page = await context.NewPageAsync();
        using var client = portal.CreatePortalClient();
        // With the browser's cookies but without following the redirect (Playwright routes do not see redirect targets).
        var authorize = await context.APIRequest.GetAsync(new OidcFlow(client).AuthorizeUrl(DocBoard + "/signin-oidc", clientId: "doc-board"), new() { MaxRedirects = 0 });
        Assert.Contains("code=", authorize.Headers["location"], StringComparison.Ordinal);

        // Act
        await page.GotoAsync("/");
        await PortalHeader.SignOutAsync(page);
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
        var frame = page.FrameLocator("iframe").Locator("p");
        await frame.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        var violations = await Violations(page);

        // Assert
        Assert.Contains(requests, r => r.StartsWith(DocBoard + "/frontchannel-logout?iss=", StringComparison.Ordinal));
        Assert.Equal("bye", await frame.TextContentAsync());
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("/account/login", "kim.minsu")]
    [InlineData("/", "kim.minsu")]
    [InlineData("/apps", "kim.minsu")]
    [InlineData("/wiki/%EB%8C%80%EB%AC%B8", "kim.minsu")] // 대문
    [InlineData("/wiki/%EB%8C%80%EB%AC%B8/edit", "kim.minsu")] // the editor with its interactive islands
    [InlineData("/search?q=%EC%9D%B8%EC%82%AC", "kim.minsu")]
    [InlineData("/admin/dashboard", "park.jihoon")]
    [InlineData("/admin/applications/hr-personnel/edit", "park.jihoon")]
    public async Task PortalPage_UnderTheCsp_TripsNoViolationAndRunsBlazor(string path, string login)
    {
        // Arrange
        await using var context = await SignedInContextAsync(login);
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => !!window.Blazor", null, new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(500);
        var violations = await Violations(page);

        // Assert
        Assert.Empty(violations);
    }

    private async Task<IBrowserContext> SignedInContextAsync(string login)
    {
        var context = await XssProbe.NewContextAsync(portal.Browser, portal.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await page.CloseAsync();
        return context;
    }

    private static async Task<string[]> Violations(IPage page) =>
        page.Url.StartsWith("http://127.0.0.1", StringComparison.Ordinal) ? await page.EvaluateAsync<string[]>("() => [...window.__cspViolations]") : [];
}
