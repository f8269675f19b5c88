using System.Net;
using System.Text;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>A real intranet site on 127.0.0.1 (one page in EUC-KR) and a portal configured to crawl it on start.</summary>
public sealed class CrawlingPortal(SlapdFixture directory) : IAsyncLifetime
{
    private WebApplication? _site;

    public PortalApplicationFactory Portal { get; private set; } = default!;

    public string SiteUrl { get; private set; } = "";

    private SlapdFixture Directory { get; } = directory;

    public async ValueTask InitializeAsync()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _site = builder.Build();
        _site.MapGet("/", () => Results.Content(
            "<html><head><meta charset=\"utf-8\"><title>구청 안내</title></head><body><h1>구청 안내</h1><a href=\"/recruit\">채용</a></body></html>",
            "text/html; charset=utf-8"));
        _site.MapGet("/recruit", () => Results.Bytes(
            Encoding.GetEncoding("euc-kr").GetBytes("<html><head><title>청원경찰 채용 공고</title></head><body><p>청원경찰을 공개 채용합니다.</p></body></html>"),
            "text/html; charset=euc-kr"));
        await _site.StartAsync();
        SiteUrl = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        Portal = new PortalApplicationFactory(Directory, new Dictionary<string, string?>
        {
            ["Search:Crawl:Sites:0:StartUrl"] = SiteUrl,
            ["Search:Crawl:Sites:0:PolitenessDelay"] = "00:00:00",
            ["Search:Crawl:FirstAfter"] = "00:00:00",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

/// <summary>Crawled intranet pages are found in search (Korean decoded from EUC-KR) and the crawl shows on the index page.</summary>
public sealed class CrawledSiteTests(CrawlingPortal crawling) : IClassFixture<CrawlingPortal>
{
    [Fact]
    public async Task Search_AfterTheStartUpCrawl_FindsAnEucKrPageAndTheIndexPageShowsTheCrawl()
    {
        // Arrange
        using var kim = await SignedInAsync(crawling.Portal, DemoAccounts.KimMinsu.Uid);
        using var admin = await SignedInAsync(crawling.Portal, DemoAccounts.ParkJihoon.Uid);
        var recruit = crawling.SiteUrl + "recruit";

        // Act: the crawl runs in the background right after start.
        var results = await kim.GetDocumentUntilAsync("/search?source=web&q=" + Uri.EscapeDataString("청원경찰"),
            p => p.QuerySelectorAll(".search-hit h2 a").Any(a => a.GetAttribute("href") == recruit), TimeSpan.FromSeconds(15));
        var (indexPage, index) = await admin.GetDocumentAsync("/admin/search");

        // Assert
        var hit = results.QuerySelectorAll(".search-hit").Single(h => h.QuerySelector("h2 a")?.GetAttribute("href") == recruit);
        Assert.Equal("청원경찰 채용 공고", hit.QuerySelector("h2")?.TextContent.Trim());
        // The shown address keeps the site's port (issue 16: http://intranet:8080/x was shown as intranet/x).
        var url = new Uri(recruit);
        Assert.False(url.IsDefaultPort);
        Assert.Equal(url.Host + ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/recruit", hit.QuerySelector(".search-location")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, indexPage.StatusCode);
        Assert.Contains(crawling.SiteUrl, index.Body!.TextContent, StringComparison.Ordinal);
    }
}
