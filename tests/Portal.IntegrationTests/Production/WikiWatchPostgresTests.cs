using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GatewayPortal.Portal.IntegrationTests.Production;

/// <summary>The watch list's queries (UNION of watched and edited pages, MAX over the author index) on a real PostgreSQL.</summary>
public sealed class WikiWatchPostgresTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    private static readonly WikiActor Writer = new("pg-watch-writer", "김작성", ["staff"]);
    private static readonly WikiActor Reader = new("pg-watch-reader", "이주시", ["staff"]);
    private static readonly WikiActor Colleague = new("pg-watch-colleague", "박동료", ["staff"]);

    [Fact]
    public async Task GetChangesForAsync_OnPostgreSql_OthersNewestChangePerWatchedOrEditedPage()
    {
        // Arrange: the writer writes 작성 and 혼자; the reader watches 주시; a colleague changes 작성 and 주시.
        var cancel = TestContext.Current.CancellationToken;
        await SaveAsync("PG 주시 작성", "v1", Writer);
        await SaveAsync("PG 주시 혼자", "v1", Writer);
        await SaveAsync("PG 주시 주시", "v1", Colleague);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            var watched = await db.WikiPages.Where(p => p.Title == "PG 주시 주시").Select(p => p.Id).SingleAsync(cancel);
            Assert.Equal(WikiWatchResult.Watching, await scope.ServiceProvider.GetRequiredService<IWikiWatchPages>().SetWatchingAsync(Writer, watched, true, cancel));
        }

        await SaveAsync("PG 주시 작성", "v2", Colleague);
        var newest = await SaveAsync("PG 주시 주시", "v2", Colleague);

        // Act
        await using var read = portal.Services.CreateAsyncScope();
        var changes = await read.ServiceProvider.GetRequiredService<IWikiWatchList>().GetChangesForAsync(Writer, 10, cancel);
        var none = await read.ServiceProvider.GetRequiredService<IWikiWatchList>().GetChangesForAsync(Reader, 10, cancel);

        // Assert
        Assert.Equal(["PG 주시 주시", "PG 주시 작성"], changes.Select(c => c.Title.Name));
        Assert.Equal(newest, changes[0].Revision.Id);
        Assert.Empty(none);
    }

    private async Task<long> SaveAsync(string title, string text, WikiActor actor)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var cancel = TestContext.Current.CancellationToken;
        var current = await scope.ServiceProvider.GetRequiredService<IWikiReader>().GetPageAsync("", title, actor, cancel);
        var result = await scope.ServiceProvider.GetRequiredService<IWikiEditor>().SaveAsync(
            new WikiSaveRequest("", title, text, "수정", false, current.Page?.Revision.Id), actor, cancel);
        return Assert.IsType<WikiSaveResult.Saved>(result).Revision.Id;
    }
}
