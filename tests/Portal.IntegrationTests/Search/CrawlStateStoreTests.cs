using GatewayPortal.Data;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Portal.IntegrationTests.Production;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>The crawler's state in the portal database (SQLite here).</summary>
public sealed class CrawlStateStoreSqliteTests(SharedPortal portal) : CrawlStateStoreTests(portal), IClassFixture<SharedPortal>;

/// <summary>The crawler's state in the portal database on PostgreSQL.</summary>
public sealed class CrawlStateStorePostgresTests(PostgresPortal portal) : CrawlStateStoreTests(portal), IClassFixture<PostgresPortal>;

/// <summary>
/// <see cref="DbCrawlStateStore"/> against a real database: pages keep their extracted document for other nodes and
/// rebuilds, every change to the set of documents is published on the change feed, checkpoints survive.
/// </summary>
public abstract class CrawlStateStoreTests(PortalApplicationFactory portal)
{
    private readonly string _site = "store-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _base = $"http://store-{Guid.NewGuid():N}.test/";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ICrawlStateStore Store => portal.Services.GetRequiredService<ICrawlStateStore>();

    [Fact]
    public void Registration_IsTheDatabaseStore()
    {
        // Act and Assert
        Assert.IsType<DbCrawlStateStore>(Store);
    }

    [Fact]
    public async Task SavePageAsync_WithDocument_StoresItsJsonAndPublishesAnUpsert()
    {
        // Arrange
        var page = Indexed("a", "첫 페이지");

        // Act
        await Store.SavePageAsync(_site, page, Cancel);

        // Assert
        var row = await RowAsync(page.Url);
        Assert.Equal(DbCrawlStateStore.UrlHash(page.Url), row!.UrlHash);
        Assert.Equal("첫 페이지", CrawledDocumentJson.Deserialize(row.DocumentJson!).Title);
        Assert.Equal(["Upsert"], await ChangesAsync(page.DocumentId!));
        var read = await Store.GetPageAsync(_site, page.Url, Cancel);
        Assert.Equal(page with { Document = null }, read);
    }

    [Fact]
    public async Task SavePageAsync_SameIdWithoutDocument_KeepsTheStoredDocumentAndPublishesNothing()
    {
        // Arrange
        var page = Indexed("b", "그대로");
        await Store.SavePageAsync(_site, page, Cancel);

        // Act: a recrawl found the same text.
        await Store.SavePageAsync(_site, page with { Document = null, ETag = "\"v2\"" }, Cancel);

        // Assert
        var row = await RowAsync(page.Url);
        Assert.Equal("\"v2\"", row!.ETag);
        Assert.Equal("그대로", CrawledDocumentJson.Deserialize(row.DocumentJson!).Title);
        Assert.Equal(["Upsert"], await ChangesAsync(page.DocumentId!));
    }

    [Fact]
    public async Task SavePageAsync_PageGivesUpItsDocument_DropsTheJsonAndPublishesADelete()
    {
        // Arrange
        var page = Indexed("c", "곧 중복");
        await Store.SavePageAsync(_site, page, Cancel);

        // Act: the page is now a duplicate of another.
        await Store.SavePageAsync(_site, page with { DocumentId = null, Document = null }, Cancel);

        // Assert
        var row = await RowAsync(page.Url);
        Assert.Null(row!.DocumentId);
        Assert.Null(row.DocumentJson);
        Assert.Equal(["Upsert", "Delete"], await ChangesAsync(page.DocumentId!));
    }

    [Fact]
    public async Task RemovePageAsync_IndexedPage_DeletesTheRowAndPublishesADelete()
    {
        // Arrange
        var page = Indexed("d", "사라질 페이지");
        await Store.SavePageAsync(_site, page, Cancel);

        // Act
        await Store.RemovePageAsync(_site, page.Url, Cancel);

        // Assert
        Assert.Null(await RowAsync(page.Url));
        Assert.Null(await Store.GetPageAsync(_site, page.Url, Cancel));
        Assert.Equal(["Upsert", "Delete"], await ChangesAsync(page.DocumentId!));
    }

    [Fact]
    public async Task FindIndexedUrlByHashAndGetPages_SeeOnlyThisSite()
    {
        // Arrange
        var indexed = Indexed("e", "원본") with { ContentHash = "hash-1" };
        var duplicate = new CrawledPage(_base + "e-copy", null, null, null, "hash-1", 2);
        await Store.SavePageAsync(_site, indexed, Cancel);
        await Store.SavePageAsync(_site, duplicate, Cancel);
        await Store.SavePageAsync("other-" + _site, Indexed("f", "다른 사이트") with { ContentHash = "hash-1" }, Cancel);

        // Act
        var byHash = await Store.FindIndexedUrlByHashAsync(_site, "hash-1", Cancel);
        var pages = await Store.GetPagesAsync(_site, Cancel);

        // Assert
        Assert.Equal(indexed.Url, byHash);
        Assert.Null(await Store.FindIndexedUrlByHashAsync(_site, "hash-2", Cancel));
        Assert.Equal([indexed.Url, duplicate.Url], pages.Select(p => p.Url).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Checkpoint_SavedReadAndCleared()
    {
        // Arrange
        var checkpoint = new CrawlCheckpoint(
            [new CrawlQueueItem(_base + "next", 1), new CrawlQueueItem(_base + "later", 2)], [_base, _base + "done"],
            new CrawlProgress(_site, 2, 1, 1, 0, 0, 0, 2));

        // Act
        await Store.SaveCheckpointAsync(_site, checkpoint, Cancel);
        var read = await Store.GetCheckpointAsync(_site, Cancel);
        await Store.SaveCheckpointAsync(_site, checkpoint with { Visited = [_base] }, Cancel);
        var replaced = await Store.GetCheckpointAsync(_site, Cancel);
        await Store.SaveCheckpointAsync(_site, null, Cancel);
        var cleared = await Store.GetCheckpointAsync(_site, Cancel);

        // Assert
        Assert.Equal(checkpoint.Pending, read!.Pending);
        Assert.Equal(checkpoint.Visited, read.Visited);
        Assert.Equal(checkpoint.Counts, read.Counts);
        Assert.Equal([_base], replaced!.Visited);
        Assert.Null(cleared);
    }

    private CrawledPage Indexed(string path, string title)
    {
        var url = _base + path;
        var document = new SearchDocument
        {
            Id = "web:" + url,
            Source = SearchSources.Web,
            Title = title,
            Body = title + " 본문",
            Url = url,
            AllowedPrincipals = [SearchPrincipals.Everyone],
        };
        return new CrawledPage(url, document.Id, "\"v1\"", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), "hash-" + path, 1) { Document = document };
    }

    private async Task<CrawlPageRow?> RowAsync(string url)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.CrawlPages.AsNoTracking().SingleOrDefaultAsync(p => p.Site == _site && p.Url == url, Cancel);
    }

    private async Task<List<string>> ChangesAsync(string documentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.SearchChanges.AsNoTracking()
            .Where(c => c.Source == SearchSources.Web && c.Key == documentId).OrderBy(c => c.Id).Select(c => c.Kind).ToListAsync(Cancel)).ConvertAll(k => k.ToString());
    }
}
