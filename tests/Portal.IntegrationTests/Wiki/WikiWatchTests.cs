using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using GatewayPortal.Wiki.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>The ☆ on a wiki page (POST /wiki/special/watch) and the watch list page, through the real host.</summary>
public sealed class WikiWatchTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private const string Watchlist = "/wiki/special/watchlist";
    private const string WatchAction = "/wiki/special/watch";

    [Fact]
    public async Task Star_PostedFromThePage_WatchesAndWatchlistShowsOthersChanges()
    {
        // Arrange: Kim writes a page; Lee, who never edited it, presses its ☆.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "주시 시험 문서";
        await SaveAsync(kim, title, "첫 판");
        var (_, before) = await lee.GetDocumentAsync(PathOf(title));
        var star = before.QuerySelector("form.watch-toggle")!;
        var fields = star.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        // Act
        var watched = await lee.PostFormAsync(star.GetAttribute("action")!, fields);
        var (_, after) = await lee.GetDocumentAsync(PathOf(title));
        await SaveAsync(kim, title, "둘째 판", "내용 보강");
        var (page, list) = await lee.GetDocumentAsync(Watchlist);

        // Assert
        Assert.Equal("false", before.QuerySelector("form.watch-toggle button")!.GetAttribute("aria-pressed"));
        Assert.Equal("이 문서 관심 등록", before.QuerySelector("form.watch-toggle button")!.GetAttribute("aria-label"));
        Assert.True(PortalClient.RedirectsTo(watched, PathOf(title) + "?notice=watched"), watched.StatusCode.ToString());
        Assert.Equal("true", after.QuerySelector("form.watch-toggle button")!.GetAttribute("aria-pressed"));
        Assert.Equal("관심 해제", after.QuerySelector("form.watch-toggle button")!.GetAttribute("aria-label"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = list.QuerySelectorAll("table.wiki-recent tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == title);
        Assert.Contains("내용 보강", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("a[href*='/diff?old=']"));
        Assert.NotNull(row.QuerySelector("a[href$='/history']"));
        Assert.Contains(list.QuerySelectorAll(".watch-pages li a"), a => a.TextContent == title);
    }

    [Fact]
    public async Task RemoveButton_OnTheWatchlist_StopsWatchingAndReturnsToTheList()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        const string title = "주시 해제 시험";
        await SaveAsync(kim, title, "내용");
        var pageId = await PageIdAsync(title);
        Assert.True(PortalClient.RedirectsTo(await WatchAsync(lee, pageId.ToString(System.Globalization.CultureInfo.InvariantCulture), "true", PathOf(title)), PathOf(title)));
        var (_, list) = await lee.GetDocumentAsync(Watchlist);
        var button = list.QuerySelectorAll(".watch-pages button").Single(b => b.GetAttribute("aria-label") == title + " 관심 해제");
        var form = list.QuerySelector(".watch-pages")!.Closest("form")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields[button.GetAttribute("name")!] = button.GetAttribute("value")!;

        // Act
        var removed = await lee.PostFormAsync(form.GetAttribute("action")!, fields);
        var (_, afterList) = await lee.GetDocumentAsync(Watchlist + "?notice=unwatched");

        // Assert
        Assert.True(PortalClient.RedirectsTo(removed, Watchlist + "?notice=unwatched"), removed.StatusCode.ToString());
        Assert.DoesNotContain(afterList.QuerySelectorAll(".watch-pages li a"), a => a.TextContent == title);
        Assert.Contains("관심 문서에서 뺐습니다", afterList.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithoutAntiforgeryToken_Returns400AndWatchesNothing()
    {
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "토큰 없는 주시";
        await SaveAsync(kim, title, "내용");
        var pageId = await PageIdAsync(title);

        var response = await kim.PostFormAsync(WatchAction,
            new Dictionary<string, string> { ["page"] = pageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["watch"] = "true" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IWikiDbContext>().WikiWatches.AnyAsync(w => w.PageId == pageId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("abc", "true")]
    [InlineData("-1", "true")]
    [InlineData("", "true")]
    [InlineData("99999999999999999999", "true")]
    [InlineData("1", "maybe")]
    [InlineData("1", "")]
    public async Task Watch_MalformedFields_Return400(string page, string watch)
    {
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        var response = await WatchAsync(kim, page, watch, Watchlist);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Watch_UnknownPageId_Returns404()
    {
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        var response = await WatchAsync(kim, "987654321", "true", Watchlist);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Watch_RestrictedPage_NotWatchableAndNoStarShown()
    {
        // Arrange
        using var lee = await SignedInAsync(portal, DemoAccounts.LeeJiyoung.Uid);
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        const string title = "인사 주시 비공개";
        await SaveAsync(lee, title, "인사 담당만");
        var pageId = await PageIdAsync(title);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
            db.WikiPagePermissions.Add(new WikiPagePermission { PageId = pageId, Group = "role-hr", Access = WikiAccessKind.Read });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Act
        var response = await WatchAsync(kim, pageId.ToString(System.Globalization.CultureInfo.InvariantCulture), "true", Watchlist);
        var (_, page) = await kim.GetDocumentAsync(PathOf(title));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(page.QuerySelector("form.watch-toggle"));
    }

    [Fact]
    public async Task RecentChanges_LinksToTheWatchlist()
    {
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        var (_, recent) = await kim.GetDocumentAsync("/wiki/special/recent");

        Assert.NotNull(recent.QuerySelector($"a[href='{Watchlist}']"));
    }

    private static Task<HttpResponseMessage> WatchAsync(PortalClient client, string page, string watch, string tokenPage) =>
        client.PostFormAsync(WatchAction, new Dictionary<string, string> { ["page"] = page, ["watch"] = watch }, tokenPage);

    private async Task<long> PageIdAsync(string title)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IWikiDbContext>();
        return await db.WikiPages.Where(p => p.Title == title.Replace(' ', '_') || p.Title == title).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
