using GatewayPortal.Wiki.Blame;
using GatewayPortal.Wiki.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiBlameServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetBlameAsync_AttributesLinesToAuthors()
    {
        await using var host = await WikiTestHost.CreateAsync();
        var r1 = await host.SaveAsync("문서", "첫 줄\n둘째 줄");
        var r2 = await host.SaveAsync("문서", "첫 줄\n둘째 줄 고침\n셋째 줄", WikiTestHost.Bob);
        await using var scope = host.Scope();

        var blame = await scope.Blame.GetBlameAsync(r2, WikiTestHost.Alice, Ct);

        Assert.Equal([r1, r2, r2], blame!.Lines.Select(l => l.RevisionId));
        Assert.Equal("이서준", blame.Origins[r2].AuthorName);
        Assert.Equal("김민지", blame.Origins[r1].AuthorName);
    }

    [Fact]
    public async Task GetBlameAsync_IncrementalFromCache_EqualsColdForEveryRevision()
    {
        // Arrange: 12 edits with a revert in the middle
        await using var host = await WikiTestHost.CreateAsync();
        var ids = new List<long>();
        var texts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var text = i == 7 ? texts[3] : string.Join('\n', Enumerable.Range(0, 5 + i).Select(j => j % 3 == i % 3 ? $"{j}행 {i}판" : $"{j}행"));
            texts.Add(text);
            ids.Add(await host.SaveAsync("문서", text, i % 2 == 0 ? WikiTestHost.Alice : WikiTestHost.Bob));
        }

        var cold = BlameEngine.ComputeChain([.. ids.Select((id, i) => new BlameRevision(id, texts[i]))], TestContext.Current.CancellationToken);

        // Act: walk forward from the first revision so each step is the incremental path
        var incremental = new List<IReadOnlyList<long>>();
        foreach (var id in ids)
        {
            await using var scope = host.Scope();
            incremental.Add((await scope.Blame.GetBlameAsync(id, WikiTestHost.Alice, Ct))!.Lines.Select(l => l.RevisionId).ToList());
        }

        // Assert
        Assert.Equal(cold.Select(s => s.Origins), incremental);
        Assert.Equal(cold[3].Origins, incremental[7]);
        await using var check = host.Scope();
        Assert.Equal(ids.Count, await check.Db.WikiBlameCache.CountAsync(Ct));
    }

    [Fact]
    public async Task GetBlameAsync_ColdOnLatest_FillsCacheForWholeChain()
    {
        await using var host = await WikiTestHost.CreateAsync();
        long last = 0;
        for (var i = 0; i < 6; i++)
        {
            last = await host.SaveAsync("문서", string.Join('\n', Enumerable.Range(0, i + 1).Select(j => $"줄 {j}")));
        }

        await using var scope = host.Scope();
        var blame = await scope.Blame.GetBlameAsync(last, WikiTestHost.Alice, Ct);

        Assert.Equal(6, blame!.Lines.Select(l => l.RevisionId).Distinct().Count());
        Assert.Equal(6, await scope.Db.WikiBlameCache.CountAsync(Ct));
    }

    [Fact]
    public async Task GetBlameAsync_UnknownRevision_IsNull()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        Assert.Null(await scope.Blame.GetBlameAsync(999, WikiTestHost.Alice, Ct));
    }
}
