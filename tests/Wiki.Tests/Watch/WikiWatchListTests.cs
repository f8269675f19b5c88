using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Tests.Support;
using GatewayPortal.Wiki.Watch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Wiki.Tests.Watch;

public sealed class WikiWatchListTests
{
    private static readonly WikiActor Carol = new("carol", "박지호", ["staff"]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToggleAsync_TwiceOnAPage_WatchesThenStops()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("업무 안내", "내용", WikiTestHost.Bob);
        var pageId = await PageIdAsync(host, "업무 안내");
        await using var scope = host.Scope();
        var watch = scope.Services.GetRequiredService<IWikiWatchList>();

        // Act
        var first = await watch.ToggleAsync(WikiTestHost.Alice, pageId, Ct);
        var afterFirst = await watch.IsWatchingAsync("alice", pageId, Ct);
        var second = await watch.ToggleAsync(WikiTestHost.Alice, pageId, Ct);

        // Assert
        Assert.True(first);
        Assert.True(afterFirst);
        Assert.False(second);
        Assert.False(await watch.IsWatchingAsync("alice", pageId, Ct));
        Assert.False(await watch.IsWatchingAsync("bob", pageId, Ct));
    }

    [Fact]
    public async Task SetWatchingAsync_SentTwice_StaysWatchingWithOneRow()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("업무 안내", "내용", WikiTestHost.Bob);
        var pageId = await PageIdAsync(host, "업무 안내");
        await using var scope = host.Scope();
        var watch = scope.Services.GetRequiredService<IWikiWatchPages>();

        Assert.Equal(WikiWatchResult.Watching, await watch.SetWatchingAsync(WikiTestHost.Alice, pageId, true, Ct));
        Assert.Equal(WikiWatchResult.Watching, await watch.SetWatchingAsync(WikiTestHost.Alice, pageId, true, Ct));

        Assert.Equal(1, await scope.Db.WikiWatches.CountAsync(Ct));
        Assert.Equal(WikiWatchResult.NotFound, await watch.SetWatchingAsync(WikiTestHost.Alice, 9999, true, Ct));
    }

    [Fact]
    public async Task GetChangesForAsync_WatchedAndEditedPages_OthersNewestChangeOncePerPage()
    {
        // Arrange: Alice wrote 작성, watches 주시; Bob edits both twice; 무관 is neither.
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("작성", "v1", WikiTestHost.Alice);
        await host.SaveAsync("주시", "v1", WikiTestHost.Bob);
        await host.SaveAsync("무관", "v1", WikiTestHost.Bob);
        await WatchAsync(host, WikiTestHost.Alice, "주시");
        await host.SaveAsync("작성", "v2", WikiTestHost.Bob);
        await host.SaveAsync("주시", "v2", WikiTestHost.Bob);
        var newestWritten = await host.SaveAsync("작성", "v3", WikiTestHost.Bob);
        var newestWatched = await host.SaveAsync("주시", "v3", Carol);
        await using var scope = host.Scope();

        // Act
        var changes = await scope.Services.GetRequiredService<IWikiWatchList>().GetChangesForAsync(WikiTestHost.Alice, 10, Ct);

        // Assert
        Assert.Equal([newestWatched, newestWritten], changes.Select(c => c.Revision.Id));
        Assert.Equal(["주시", "작성"], changes.Select(c => c.Title.Name));
        Assert.Equal("박지호", changes[0].Revision.AuthorName);
    }

    [Fact]
    public async Task GetChangesForAsync_PageLastEditedByTheActor_Excluded()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("작성", "v1", WikiTestHost.Alice);
        await host.SaveAsync("작성", "v2", WikiTestHost.Bob);
        await host.SaveAsync("작성", "v3", WikiTestHost.Alice);
        await host.SaveAsync("혼자", "v1", WikiTestHost.Alice);
        await using var scope = host.Scope();

        var changes = await scope.Services.GetRequiredService<IWikiWatchList>().GetChangesForAsync(WikiTestHost.Alice, 10, Ct);

        Assert.Empty(changes);
    }

    [Fact]
    public async Task GetChangesForAsync_RestrictedPage_HiddenFromNonMembers()
    {
        // Arrange: Alice wrote both pages; 인사 is then restricted to hr, and Bob (hr) edits both.
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("인사", "v1", WikiTestHost.Alice);
        await host.SaveAsync("공개", "v1", WikiTestHost.Alice);
        await using (var setup = host.Scope())
        {
            var secret = await setup.Db.WikiPages.SingleAsync(p => p.Title == "인사", Ct);
            setup.Db.WikiPagePermissions.Add(new WikiPagePermission { PageId = secret.Id, Group = "hr", Access = WikiAccessKind.Read });
            await setup.Db.SaveChangesAsync(Ct);
        }

        await host.SaveAsync("인사", "v2", WikiTestHost.Bob);
        await host.SaveAsync("공개", "v2", WikiTestHost.Bob);
        await using var scope = host.Scope();
        var watch = scope.Services.GetRequiredService<IWikiWatchList>();

        // Act
        var forAlice = await watch.GetChangesForAsync(WikiTestHost.Alice, 1, Ct);
        var forAdminAsAuthor = await watch.GetChangesForAsync(WikiTestHost.Alice with { IsAdmin = true }, 10, Ct);

        // Assert: the restricted page, though newer, is skipped and the next readable one fills the single slot.
        Assert.Equal(["공개"], forAlice.Select(c => c.Title.Name));
        Assert.Equal(["공개", "인사"], forAdminAsAuthor.Select(c => c.Title.Name));
    }

    [Fact]
    public async Task SetWatchingAsync_RestrictedPage_NotWatchable()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("인사", "v1", WikiTestHost.Bob);
        var pageId = await PageIdAsync(host, "인사");
        await using var scope = host.Scope();
        scope.Db.WikiPagePermissions.Add(new WikiPagePermission { PageId = pageId, Group = "hr", Access = WikiAccessKind.Read });
        await scope.Db.SaveChangesAsync(Ct);
        var watch = scope.Services.GetRequiredService<IWikiWatchPages>();

        Assert.Equal(WikiWatchResult.NotFound, await watch.SetWatchingAsync(WikiTestHost.Alice, pageId, true, Ct));
        Assert.Equal(WikiWatchResult.Watching, await watch.SetWatchingAsync(WikiTestHost.Bob, pageId, true, Ct));
        Assert.Empty(await watch.GetWatchedPagesAsync(WikiTestHost.Alice, Ct));
    }

    [Fact]
    public async Task GetChangesForAsync_DeletedPage_HiddenEvenFromAdministrators()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("지울 문서", "v1", WikiTestHost.Admin);
        await host.SaveAsync("지울 문서", "v2", WikiTestHost.Bob);
        var pageId = await PageIdAsync(host, "지울 문서");
        await using var scope = host.Scope();
        await scope.Services.GetRequiredService<IWikiWatchPages>().SetWatchingAsync(WikiTestHost.Admin, pageId, true, Ct);
        await scope.Admin.DeleteAsync(pageId, WikiTestHost.Admin, Ct);
        var watch = scope.Services.GetRequiredService<WikiWatchList>();

        // Act
        var changes = await watch.GetChangesForAsync(WikiTestHost.Admin, 10, Ct);
        var watched = await watch.GetWatchedPagesAsync(WikiTestHost.Admin, Ct);

        // Assert
        Assert.Empty(changes);
        Assert.Empty(watched);
        Assert.Equal(WikiWatchResult.NotFound, await watch.SetWatchingAsync(WikiTestHost.Bob, pageId, true, Ct));
        Assert.Equal(WikiWatchResult.NotWatching, await watch.SetWatchingAsync(WikiTestHost.Admin, pageId, false, Ct));
    }

    [Fact]
    public async Task SetWatchingAsync_AtTheLimit_RefusedUntilOneIsRemoved()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await host.SaveAsync($"문서 {i}", "x", WikiTestHost.Bob);
        }

        await using var scope = host.Scope();
        var ids = await scope.Db.WikiPages.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);
        var watch = new WikiWatchList(scope.Db, new WikiAccessPolicy(), Options.Create(new WikiOptions { MaxWatchedPages = 3 }), host.Time);
        foreach (var id in ids.Take(3))
        {
            Assert.Equal(WikiWatchResult.Watching, await watch.SetWatchingAsync(WikiTestHost.Alice, id, true, Ct));
        }

        // Act
        var refused = await watch.SetWatchingAsync(WikiTestHost.Alice, ids[3], true, Ct);
        await watch.SetWatchingAsync(WikiTestHost.Alice, ids[0], false, Ct);
        var accepted = await watch.SetWatchingAsync(WikiTestHost.Alice, ids[3], true, Ct);

        // Assert
        Assert.Equal(WikiWatchResult.LimitReached, refused);
        Assert.Equal(WikiWatchResult.Watching, accepted);
        Assert.Equal(["문서 1", "문서 2", "문서 3"], (await watch.GetWatchedPagesAsync(WikiTestHost.Alice, Ct)).Select(p => p.Title.Name));
    }

    [Fact]
    public async Task GetChangesForAsync_Count_LimitsNewestFirst()
    {
        await using var host = await WikiTestHost.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            await host.SaveAsync($"문서 {i}", "v1", WikiTestHost.Alice);
        }

        for (var i = 0; i < 5; i++)
        {
            ids.Add(await host.SaveAsync($"문서 {i}", "v2", WikiTestHost.Bob));
        }

        await using var scope = host.Scope();
        var changes = await scope.Services.GetRequiredService<IWikiWatchList>().GetChangesForAsync(WikiTestHost.Alice, 3, Ct);

        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), changes.Select(c => c.Revision.Id));
    }

    [Fact]
    public async Task GetChangesForAsync_ChangeOlderThanTheRecentWindow_StillFound()
    {
        // Arrange: Bob changes Alice's page, then changes more other pages than the first query looks through.
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("오래된 문서", "v1", WikiTestHost.Alice);
        var old = await host.SaveAsync("오래된 문서", "v2", WikiTestHost.Bob);
        await using var scope = host.Scope();
        for (var i = 0; i < WikiWatchList.RecentWindow + 10; i++)
        {
            var page = new WikiPage { SpaceKey = "", Title = $"다른 문서 {i}", Slug = $"다른_문서_{i}" };
            scope.Db.WikiPages.Add(page);
            await scope.Db.SaveChangesAsync(Ct);
            var revision = new WikiRevision { PageId = page.Id, Text = "x", AuthorSubject = "bob", AuthorName = "이서준", ContentHash = $"{i:x64}" };
            scope.Db.WikiRevisions.Add(revision);
            await scope.Db.SaveChangesAsync(Ct);
            page.CurrentRevisionId = revision.Id;
        }

        await scope.Db.SaveChangesAsync(Ct);

        // Act
        var changes = await scope.Services.GetRequiredService<IWikiWatchList>().GetChangesForAsync(WikiTestHost.Alice, 10, Ct);

        // Assert
        Assert.Equal([old], changes.Select(c => c.Revision.Id));
    }

    private static async Task<long> PageIdAsync(WikiTestHost host, string title)
    {
        await using var scope = host.Scope();
        return await scope.Db.WikiPages.Where(p => p.Title == title).Select(p => p.Id).SingleAsync(Ct);
    }

    private static async Task WatchAsync(WikiTestHost host, WikiActor actor, string title)
    {
        var id = await PageIdAsync(host, title);
        await using var scope = host.Scope();
        Assert.Equal(WikiWatchResult.Watching, await scope.Services.GetRequiredService<IWikiWatchPages>().SetWatchingAsync(actor, id, true, Ct));
    }
}
