using System.Net;
using System.Text;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GatewayPortal.Portal.IntegrationTests.Security;

/// <summary>
/// A hostile intranet site on 127.0.0.1 (every page title and body carries XSS payloads), a portal on a real Kestrel port
/// that crawls it through the public <c>Search:Crawl:Sites</c> configuration, and Debian's Chromium; once per test class.
/// </summary>
public sealed class HostilePortal(SlapdFixture directory) : IAsyncLifetime
{
    /// <summary>A word every hostile page carries, to find them all in search.</summary>
    public const string Marker = "적대문서표지";

    /// <summary>How many hostile pages the site serves.</summary>
    public const int SitePages = 40;

    private WebApplication? _site;
    private IPlaywright? _playwright;

    /// <summary>The portal (real Kestrel port).</summary>
    public PortalApplicationFactory Portal { get; private set; } = default!;

    /// <summary>The portal's base address.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The hostile site's base address.</summary>
    public string SiteUrl { get; private set; } = "";

    /// <summary>The shared headless browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The payload shown as hostile page <paramref name="index"/>'s title.</summary>
    public static XssPayload TitlePayload(int index) => XssPayloads.All[(index * 7) % XssPayloads.All.Count];

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.MapGet("/", () => Results.Content(IndexPage(), "text/html; charset=utf-8"));
        _site.MapGet("/p/{index:int}", (int index) => Results.Content(HostilePage(index), "text/html; charset=utf-8"));
        await _site.StartAsync();
        SiteUrl = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

        Portal = new KestrelPortal(directory, new Dictionary<string, string?>
        {
            ["Search:Crawl:Sites:0:StartUrl"] = SiteUrl,
            ["Search:Crawl:Sites:0:PolitenessDelay"] = "00:00:00",
            ["Search:Crawl:FirstAfter"] = "00:00:00",
        });
        ((KestrelPortal)Portal).Start();
        var address = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A watched browser context signed in as <paramref name="login"/> through the login form.</summary>
    public async Task<IBrowserContext> SignedInContextAsync(string login)
    {
        var context = await XssProbe.NewContextAsync(Browser, BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(GatewayPortal.Tools.OrgGen.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await page.CloseAsync();
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    private static string IndexPage()
    {
        var links = string.Join("", Enumerable.Range(0, SitePages).Select(i => $"<li><a href=\"/p/{i}\">문서 {i}</a></li>"));
        return $"<html><head><meta charset=\"utf-8\"><title>적대 사이트</title></head><body><h1>목록</h1><ul>{links}"
            + "<li><a href=\"javascript:alert(1)\">js</a></li><li><a href=\"data:text/html,<script>alert(1)</script>\">data</a></li></ul></body></html>";
    }

    private static string HostilePage(int index)
    {
        // The title is raw (RCDATA in a browser, so tags in it are text); the body carries payloads as markup and as escaped text.
        var title = TitlePayload(index).Text.Replace("</title", "", StringComparison.OrdinalIgnoreCase);
        var raw = XssPayloads.All[(index * 7 + 1) % XssPayloads.All.Count].Text;
        var text = WebUtility.HtmlEncode(XssPayloads.All[(index * 7 + 2) % XssPayloads.All.Count].Text);
        var body = new StringBuilder()
            .Append("<p>").Append(Marker).Append(' ').Append(index).Append(" 안내 ").Append(text).Append("</p>")
            .Append("<div>").Append(raw).Append("</div>")
            .Append("<p>").Append(Marker).Append(" &lt;img src=x onerror=alert(").Append(index).Append(")&gt; 끝</p>");
        return $"<html><head><meta charset=\"utf-8\"><title>{title}</title><meta name=\"description\" content=\"{WebUtility.HtmlEncode(raw)}\">"
            + $"<link rel=\"canonical\" href=\"javascript:alert({index})\"></head><body>{body}</body></html>";
    }

    private sealed class KestrelPortal : PortalApplicationFactory
    {
        public KestrelPortal(SlapdFixture directory, IReadOnlyDictionary<string, string?> overrides) : base(directory, overrides)
        {
            UseKestrelOnLoopback();
        }

        public void Start() => StartServer();
    }
}
