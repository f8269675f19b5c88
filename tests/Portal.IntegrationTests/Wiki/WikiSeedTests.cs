using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>The demo pages written on first start (as in Development) from DemoData/wiki.json.</summary>
public sealed class WikiSeedTests(SlapdFixture directory)
{
    [Fact]
    public async Task Seed_OnStartAndAgain_WritesDemoPagesOnceWithThreeAuthors()
    {
        // Arrange
        await using var portal = new PortalApplicationFactory(directory, new Dictionary<string, string?> { ["Wiki:Seed:Enabled"] = "true" });
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var seeder = portal.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "WikiSeeder");

        // Act: start-up seeded once; a second run must change nothing.
        await seeder.StartAsync(TestContext.Current.CancellationToken);
        var (main, page) = await kim.GetDocumentAsync("/wiki");
        var (_, history) = await kim.GetDocumentAsync(PathOf("복무 규정") + "/history");

        // Assert
        Assert.Equal(HttpStatusCode.OK, main.StatusCode);
        Assert.Equal("대문", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a.wiki-link--missing"));
        var authors = history.QuerySelectorAll("table.wiki-history tbody tr td:nth-child(4)").Select(td => td.TextContent).ToList();
        Assert.Equal([DemoAccounts.ParkJihoon.DisplayName, DemoAccounts.KimMinsu.DisplayName, DemoAccounts.LeeJiyoung.DisplayName], authors);
    }
}
