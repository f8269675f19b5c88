using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.EndToEnd;

/// <summary>
/// The portal on a real Kestrel port (loopback) and Debian's Chromium driven by Playwright,
/// started once per test class.
/// </summary>
public class LiveBrowserPortal : PortalApplicationFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public LiveBrowserPortal(SlapdFixture directory) : base(directory)
    {
        UseKestrelOnLoopback();
    }

    /// <summary>The portal's base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The shared headless browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots are kept as test artifacts.</summary>
    public static string ArtifactsDirectory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ko-KR",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in as <paramref name="login"/> through the login form (demo password).</summary>
    public async Task<IPage> SignedInPageAsync(string login, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(GatewayPortal.Tools.OrgGen.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        // Generous: the whole suite runs many hosts at once on 2 cores. A refused sign-in would stay on the login page.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
