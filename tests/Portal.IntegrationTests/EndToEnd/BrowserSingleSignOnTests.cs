using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>Sign in once, open a real application without a password, sign out of both.</summary>
public sealed class BrowserSingleSignOnTests(LiveSsoEnvironment sso) : IClassFixture<LiveSsoEnvironment>
{
    private async Task<IPage> SignInAsync(string login)
    {
        var page = await sso.Portal.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    [Fact]
    public async Task Apps_ClickSampleApp_ArrivesSignedInThenPortalSignOutEndsBoth()
    {
        // Arrange
        var page = await SignInAsync("kim.minsu");

        // Act 1: one click in the catalogue (/apps); no second password.
        await page.GotoAsync("/apps");
        // Each hop with the time since the click, so a slow run tells which hop was slow.
        var hops = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        page.Context.Response += (_, r) => hops.Add($"{clock.ElapsedMilliseconds} ms {r.Status} {r.Url}");
        page.Context.RequestFailed += (_, r) => hops.Add($"{clock.ElapsedMilliseconds} ms FAILED {r.Url} {r.Failure}");
        page.Console += (_, m) => hops.Add($"{clock.ElapsedMilliseconds} ms CONSOLE {m.Text}");
        // Systems open in a new tab by default; the portal's tab stays where it was.
        var portalTab = page;
        page = await page.Context.RunAndWaitForPageAsync(() => portalTab.Locator("a.open", new() { HasText = "민원 처리 샘플" }).ClickAsync());
        try
        {
            // Six hops across two servers while the rest of the suite loads both cores: a generous limit, and the
            // wait ends when the sample's page is parsed rather than when every resource has loaded.
            await page.WaitForURLAsync(
                url => url.StartsWith(sso.Sample.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal),
                new() { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"stuck at {page.Url}: {string.Join(" | ", hops)}");
        }

        var sampleText = await page.Locator("body").TextContentAsync();

        // Act 2: sign out of the portal; the sample hears of it over the back channel.
        await page.GotoAsync(sso.Portal.BaseAddress.ToString());
        await PortalHeader.SignOutAsync(page);
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        var ended = await Eventually.TryUntilAsync(
            async () =>
            {
                await page.GotoAsync(sso.Sample.BaseAddress.ToString());
                return page.Url.StartsWith(sso.Portal.BaseAddress.ToString(), StringComparison.Ordinal) && page.Url.Contains("/account/login", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(250));

        // Assert
        Assert.Contains("김민수", sampleText, StringComparison.Ordinal);
        Assert.Contains("kim.minsu", sampleText, StringComparison.Ordinal);
        Assert.True(ended, $"the sample app still shows a session: {page.Url}");
    }

    [Fact]
    public async Task SampleApp_StaffOutsideAllowedGroups_IsRefusedWithoutACode()
    {
        // Arrange: han.seojun works in 종로구; the sample is for headquarters staff.
        var page = await SignInAsync("han.seojun");

        // Act
        var response = await page.GotoAsync(sso.Sample.BaseAddress.ToString());

        // Assert
        Assert.Contains("/apps/sample-lob/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal(403, response?.Status);
        Assert.Contains("권한", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }
}
