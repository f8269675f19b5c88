using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Wiki.Tests.Pages;

public sealed class WikiReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPageAsync_UnknownAndInvalidTitles_ReportStatus()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await using var scope = host.Scope();

        Assert.Equal(WikiLookupStatus.NotFound, (await scope.Reader.GetPageAsync("", "없음", WikiTestHost.Alice, Ct)).Status);
        var invalid = await scope.Reader.GetPageAsync("", "", WikiTestHost.Alice, Ct);
        Assert.Equal((WikiLookupStatus.InvalidTitle, GatewayPortal.Wiki.Titles.WikiTitleError.Empty), (invalid.Status, invalid.TitleError));
    }

    [Fact]
    public async Task ReadRestrictedPage_HiddenFromNonMembersEverywhere()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("인사 기밀", "[[공개 문서]]", WikiTestHost.Bob);
        await host.SaveAsync("공개 문서", "누구나");
        await using var scope = host.Scope();
        var secret = await scope.Db.WikiPages.SingleAsync(p => p.Title == "인사 기밀", Ct);
        scope.Db.WikiPagePermissions.Add(new WikiPagePermission { PageId = secret.Id, Group = "hr", Access = WikiAccessKind.Read });
        await scope.Db.SaveChangesAsync(Ct);

        // Act
        var page = await scope.Reader.GetPageAsync("", "인사 기밀", WikiTestHost.Alice, Ct);
        var history = await scope.Reader.GetHistoryAsync(secret.Id, WikiTestHost.Alice, cancellationToken: Ct);
        var recent = await scope.Reader.GetRecentChangesAsync(new RecentChangesQuery(), WikiTestHost.Alice, Ct);
        var backlinks = await scope.Reader.GetBacklinksAsync("", "공개 문서", WikiTestHost.Alice, cancellationToken: Ct);

        // Assert
        Assert.Equal(WikiLookupStatus.Forbidden, page.Status);
        Assert.Null(history);
        Assert.Equal(["공개 문서"], recent.Items.Select(c => c.Title.Name));
        Assert.Empty(backlinks.Items);
        Assert.Single((await scope.Reader.GetBacklinksAsync("", "공개 문서", WikiTestHost.Bob, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task GetRecentChangesAsync_FiltersBySpaceAndAuthor_PagesNewestFirst()
    {
        // Arrange
        await using var host = await WikiTestHost.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await host.SaveAsync($"문서 {i}", "x", WikiTestHost.Alice, "hr"));
        }

        await host.SaveAsync("다른 공간", "x", WikiTestHost.Alice, "it");
        await host.SaveAsync("남의 글", "x", WikiTestHost.Bob, "hr");
        await using var scope = host.Scope();

        // Act
        var first = await scope.Reader.GetRecentChangesAsync(new RecentChangesQuery("hr", "alice", Limit: 3), WikiTestHost.Alice, Ct);
        var second = await scope.Reader.GetRecentChangesAsync(new RecentChangesQuery("hr", "alice", Before: first.NextCursor, Limit: 3), WikiTestHost.Alice, Ct);

        // Assert
        Assert.Equal(ids.AsEnumerable().Reverse().Take(3), first.Items.Select(c => c.Revision.Id));
        Assert.Equal(ids.AsEnumerable().Reverse().Skip(3), second.Items.Select(c => c.Revision.Id));
        Assert.Null(second.NextCursor);
        Assert.All(first.Items.Concat(second.Items), c => Assert.True(c.Revision.IsPageCreation));
    }

    [Fact]
    public async Task GetHistoryAsync_PagesNewestFirst()
    {
        await using var host = await WikiTestHost.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await host.SaveAsync("문서", $"판 {i}"));
        }

        await using var scope = host.Scope();
        var pageId = (await scope.Db.WikiPages.SingleAsync(Ct)).Id;

        var first = await scope.Reader.GetHistoryAsync(pageId, WikiTestHost.Alice, limit: 2, cancellationToken: Ct);
        var rest = await scope.Reader.GetHistoryAsync(pageId, WikiTestHost.Alice, before: first!.NextCursor, limit: 10, cancellationToken: Ct);

        Assert.Equal([ids[4], ids[3]], first.Items.Select(r => r.Id));
        Assert.Equal([ids[2], ids[1], ids[0]], rest!.Items.Select(r => r.Id));
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task GetBacklinksAsync_ListsPagesLinkingIncludingBeforeTargetExists()
    {
        await using var host = await WikiTestHost.CreateAsync();
        await host.SaveAsync("가", "[[목표]]");
        await host.SaveAsync("나", "[[:목표|라벨]]");
        await host.SaveAsync("다", "`[[목표]]` 코드일 뿐");
        await using var scope = host.Scope();

        var backlinks = await scope.Reader.GetBacklinksAsync("", "목표", WikiTestHost.Alice, cancellationToken: Ct);

        Assert.Equal(["가", "나"], backlinks.Items.Select(p => p.Title.Name));
    }
}
