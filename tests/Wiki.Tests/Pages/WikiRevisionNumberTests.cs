using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Pages;

/// <summary>Version numbers count per page (issue 16: one page showed r9 then r271 because ids are global).</summary>
public sealed class WikiRevisionNumberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_InterleavedPages_NumbersEachPageFromOne()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();

        // Act: saves to two pages alternate, so the global ids interleave
        await host.SaveAsync("가", "1");
        await host.SaveAsync("나", "1");
        await host.SaveAsync("가", "2");
        await host.SaveAsync("나", "2");
        await host.SaveAsync("가", "3");

        // Assert
        await using var scope = host.Scope();
        var numbers = await scope.Db.WikiRevisions.OrderBy(r => r.Id).Select(r => new { r.PageId, r.Number }).ToListAsync(Ct);
        var pages = numbers.Select(n => n.PageId).Distinct().ToList();
        Assert.Equal([1, 2, 3], numbers.Where(n => n.PageId == pages[0]).Select(n => n.Number));
        Assert.Equal([1, 2], numbers.Where(n => n.PageId == pages[1]).Select(n => n.Number));
    }

    [Fact]
    public async Task SaveAsync_Result_CarriesThePageNumberNotTheId()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("다른 문서", "x");
        await host.SaveAsync("다른 문서", "y");

        // Act
        await using var scope = host.Scope();
        var result = await scope.Editor.SaveAsync(new WikiSaveRequest("", "새 문서", "본문", "", false, null), WikiTestHost.Alice, Ct);

        // Assert
        var saved = Assert.IsType<WikiSaveResult.Saved>(result);
        Assert.Equal((3L, 1), (saved.Revision.Id, saved.Revision.Number));
        var history = await scope.Reader.GetHistoryAsync(saved.Revision.PageId, WikiTestHost.Alice, null, 10, Ct);
        Assert.Equal([1], Assert.IsType<PagedResult<WikiRevisionInfo>>(history).Items.Select(r => r.Number));
    }

    [Fact]
    public async Task SaveAsync_ConcurrentWriters_GetDistinctConsecutiveNumbers()
    {
        // Arrange: a page of eight lines on a database file (one connection per writer); each writer edits its own line from version 1
        var path = Path.Combine(Path.GetTempPath(), "wiki-numbers-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using var host = await WikiTestHost.CreateOnFileAsync(path);
            var lines = Enumerable.Range(1, 8).Select(i => "줄 " + i).ToArray();
            var first = await host.SaveAsync("동시 편집", string.Join('\n', lines));

            // Act
            var saves = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await using var scope = host.Scope();
                var mine = lines.ToArray();
                mine[i] += " 고침";
                return await scope.Editor.SaveAsync(new WikiSaveRequest("", "동시 편집", string.Join('\n', mine), "", false, first), WikiTestHost.Bob, Ct);
            }, Ct));
            var results = await Task.WhenAll(saves);

            // Assert: every edit went in, numbered 2..9 with no gap or repeat, in id order
            Assert.All(results, r => Assert.True(r is WikiSaveResult.Saved or WikiSaveResult.Merged, r.ToString()));
            await using var check = host.Scope();
            var numbers = await check.Db.WikiRevisions.OrderBy(r => r.Id).Select(r => r.Number).ToListAsync(Ct);
            Assert.Equal(Enumerable.Range(1, 9), numbers);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BackfillSql_RowsWithoutNumbers_NumbersThemInEachPagesIdOrder()
    {
        // Arrange: three pages saved in an interleaved order, then numbers wiped as before the migration
        await using var host = await WikiTestHost.CreateAsync();
        foreach (var (title, text) in new[] { ("가", "1"), ("나", "1"), ("가", "2"), ("다", "1"), ("나", "2"), ("가", "3"), ("다", "2") })
        {
            await host.SaveAsync(title, text);
        }

        await using var scope = host.Scope();
        var expected = await scope.Db.WikiRevisions.OrderBy(r => r.Id).Select(r => new { r.Id, r.Number }).ToListAsync(Ct);
        await scope.Db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_wiki_revisions_PageId_Number\"; UPDATE \"wiki_revisions\" SET \"Number\" = 0;", Ct);

        // Act
        await scope.Db.Database.ExecuteSqlRawAsync(WikiRevisionNumbers.BackfillSql, Ct);

        // Assert
        var actual = await scope.Db.WikiRevisions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Number }).ToListAsync(Ct);
        Assert.Equal([1, 1, 2, 1, 2, 3, 2], actual.Select(r => r.Number));
        Assert.Equal(expected, actual);
    }
}
