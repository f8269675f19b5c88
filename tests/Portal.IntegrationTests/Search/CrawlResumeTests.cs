using GatewayPortal.Cluster;
using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>
/// A crawl interrupted by a restart (SQLite) or by the loss of the crawling node (two nodes on PostgreSQL) continues
/// from its checkpoint: pages already finished are not fetched again, and the other node indexes them from the database.
/// </summary>
public sealed class CrawlResumeTests(SlapdFixture directory, PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Crawl_StoppedMidwayByARestart_ContinuesWithoutRefetchingFinishedPages()
    {
        // Arrange
        await using var site = await HeldSiteAsync();
        var database = Path.Combine(Path.GetTempPath(), $"gp-it-crawl-{Guid.NewGuid():N}.db");
        var settings = Settings(site.Site, "Sqlite", $"Data Source={database}");
        try
        {
            var first = new PortalApplicationFactory(directory, settings);
            first.CreateClient().Dispose();
            await site.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

            // Act: the host stops while /held.html is being fetched; the next start answers at once.
            await first.DisposeAsync();
            site.Gate.SetResult();
            await using var second = new PortalApplicationFactory(directory, settings);
            using var staff = await SignedInAsync(second, DemoAccounts.KimMinsu.Uid);
            var held = await staff.GetDocumentUntilAsync(Query("붙잡힌페이지"), p => p.QuerySelector(".search-hit") is not null, Patience);
            var done = await WaitForStatusAsync(second, CrawlState.Finished);
            var (_, early) = await staff.GetDocumentAsync(Query("첫째페이지"));

            // Assert
            Assert.NotNull(held.QuerySelector(".search-hit"));
            Assert.Equal(1, site.Site.Count("/"));
            Assert.Equal(1, site.Site.Count("/1.html"));
            Assert.Equal(1, site.Site.Count("/2.html"));
            Assert.Equal(2, site.Site.Count("/held.html"));
            Assert.Equal(1, site.Site.Count("/4.html"));
            Assert.Equal(5, done.Indexed);
            // Fetched before the restart, indexed on the new start from the stored document.
            Assert.NotNull(early.QuerySelector(".search-hit"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    [Fact]
    public async Task TwoNodes_CrawlingNodeStops_OnlyOneCrawlsAndTheOtherTakesOver()
    {
        // Arrange
        await using var site = await HeldSiteAsync();
        var settings = Settings(site.Site, "PostgreSql", postgres.ConnectionStringFor("crawl"));
        await using var a = new PortalApplicationFactory(directory, settings);
        await using var b = new PortalApplicationFactory(directory, settings);
        a.CreateClient().Dispose();
        b.CreateClient().Dispose();
        await site.Reached.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var running = await WaitForStatusAsync(a, CrawlState.Running);
        string[] names = [NodeName(a), NodeName(b)];
        var (crawler, other) = running.Node == names[0] ? (a, b) : (b, a);
        var otherName = NodeName(other);

        // Act: the crawling node goes away mid-page.
        await crawler.DisposeAsync();
        site.Gate.SetResult();
        var done = await WaitForStatusAsync(other, CrawlState.Finished);
        // Give the survivor time for more polls: it must not start the site again.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains(running.Node, names);
        Assert.NotEqual(names[0], names[1]);
        Assert.Equal(otherName, done.Node);
        Assert.Equal(1, site.Site.Count("/"));
        Assert.Equal(1, site.Site.Count("/1.html"));
        Assert.Equal(2, site.Site.Count("/held.html"));
        Assert.Equal(1, site.Site.Count("/4.html"));
        Assert.Equal(5, done.Indexed);
    }

    private static Dictionary<string, string?> Settings(CrawlTestSite site, string provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider,
        ["Database:ConnectionString"] = connectionString,
        ["Search:Crawl:Sites:0:StartUrl"] = site.Url,
        ["Search:Crawl:Sites:0:PolitenessDelay"] = "00:00:00",
        ["Search:Crawl:FirstAfter"] = "00:00:00",
        ["Search:Crawl:PollInterval"] = "00:00:00.100",
        ["Search:Crawl:StatusInterval"] = "00:00:00.100",
    };

    private static async Task<HeldSite> HeldSiteAsync()
    {
        var site = await CrawlTestSite.StartAsync();
        var held = new HeldSite(site);
        site.Page("/", "재시작 시험", "재시작시험 첫 화면", "/1.html", "/2.html", "/held.html", "/4.html");
        site.Page("/1.html", "첫째", "첫째페이지 입니다");
        site.Page("/2.html", "둘째", "둘째페이지 입니다");
        site.Held("/held.html", "붙잡힌페이지", held.Gate.Task, held.Reached);
        site.Page("/4.html", "넷째", "넷째페이지 입니다");
        return held;
    }

    private static string Query(string text) => "/search?source=web&q=" + Uri.EscapeDataString(text);

    private static string NodeName(PortalApplicationFactory node) => node.Services.GetRequiredService<ILeaseService>().NodeName;

    private static async Task<CrawlSiteStatusRow?> StatusAsync(PortalApplicationFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.CrawlSiteStatus.AsNoTracking().SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<CrawlSiteStatusRow> WaitForStatusAsync(PortalApplicationFactory node, CrawlState state) =>
        (await Eventually.UntilAsync(() => StatusAsync(node), status => status?.State == state, Patience, $"the crawl status to be {state}", TimeSpan.FromMilliseconds(100)))!;

    private sealed class HeldSite(CrawlTestSite site) : IAsyncDisposable
    {
        public CrawlTestSite Site => site;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask DisposeAsync()
        {
            Gate.TrySetResult();
            return site.DisposeAsync();
        }
    }
}
