using System.Net;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Wiki;

/// <summary>
/// Issue 16: the wiki in words civil servants use (변경 이력, 버전 N per page, 사소한 편집, a labelled feed link) and the ways
/// to recent changes, the list of pages and a new page.
/// </summary>
public sealed class WikiWordsTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task History_TwoPagesEditedInTurn_ShowsPerPageVersionNumbersAndPlainWords()
    {
        // Arrange: another page's save in between makes the ids of this page's revisions jump
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "버전 번호 시험", "하나", "처음");
        await SaveAsync(kim, "버전 번호 곁다리", "곁다리");
        await SaveAsync(kim, "버전 번호 곁다리", "곁다리 둘");
        var fields = await OpenEditorAsync(kim, "버전 번호 시험");
        fields["Input.Text"] = "하나 둘";
        fields["Input.IsMinor"] = "true";
        await PostEditorAsync(kim, "버전 번호 시험", fields);
        var ids = await RevisionsAsync(kim, "버전 번호 시험");

        // Act
        var (response, history) = await kim.GetDocumentAsync(PathOf("버전 번호 시험") + "/history");
        var (_, old) = await kim.GetDocumentAsync(PathOf("버전 번호 시험") + "?rev=" + ids[1]);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(ids[0] - ids[1] >= 3, $"ids {ids[0]} and {ids[1]} should not be consecutive");
        Assert.Equal("버전 번호 시험 — 변경 이력", history.QuerySelector("h1")!.TextContent);
        Assert.Equal(["버전 2", "버전 1"], history.QuerySelectorAll("table.wiki-history th[scope=row] a").Select(a => a.TextContent));
        Assert.DoesNotContain("r" + ids[0], history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("변경 이력", history.QuerySelector(".wiki-tabs a[aria-current=page]")!.TextContent);
        var badge = history.QuerySelector("table.wiki-history abbr.badge-minor")!;
        Assert.StartsWith("사소한 편집", badge.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("사소한 편집:", badge.GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain(">잔<", history.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("이전 버전 1", old.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("버전 1", old.QuerySelector(".wiki-meta a")!.TextContent);
    }

    [Fact]
    public async Task WikiMenu_OnTheMainPageAndRecentChanges_LinksRecentAllPagesNewPageAndAPlainFeedLink()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "메뉴 시험", "본문");

        // Act
        var (_, main) = await kim.GetDocumentAsync("/wiki");
        var (_, recent) = await kim.GetDocumentAsync("/wiki/special/recent");

        // Assert
        var menu = main.QuerySelector("nav.wiki-site-nav")!;
        Assert.Equal("위키 메뉴", menu.GetAttribute("aria-label"));
        Assert.Equal(
            ["/wiki", "/wiki/special/pages", "/wiki/special/recent", "/wiki/special/watchlist", "/wiki/special/new"],
            menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("새 문서", menu.QuerySelector("a[href='/wiki/special/new']")!.TextContent.Trim());
        var feed = recent.QuerySelector("a[href='/wiki/special/recent.atom']")!;
        Assert.Equal("변경 알림 구독(피드)", feed.TextContent.Trim());
        Assert.NotNull(feed.QuerySelector("svg[aria-hidden=true]"));
        Assert.DoesNotContain("Atom", recent.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", HttpStatusCode.OK, null)]
    [InlineData("?title=", HttpStatusCode.BadRequest, "문서 제목을 입력하세요.")]
    [InlineData("?title=%EC%9E%98%EB%AA%BB%23", HttpStatusCode.BadRequest, "쓸 수 없습니다")] // 잘못#
    public async Task NewPage_Title_RefusedWithAReasonOrShown(string query, HttpStatusCode status, string? message)
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync("/wiki/special/new" + query);

        // Assert
        Assert.Equal(status, response.StatusCode);
        if (message is not null)
        {
            Assert.Contains(message, page.QuerySelector("#new-title-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("true", page.QuerySelector("#new-title")!.GetAttribute("aria-invalid"));
        }
    }

    [Fact]
    public async Task NewPage_FreeAndTakenTitles_OpenTheEditorOrSayThePageExists()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "이미 있는 문서", "본문");

        // Act
        var free = await kim.GetAsync("/wiki/special/new?title=" + Uri.EscapeDataString("아직 없는 문서"));
        var (taken, page) = await kim.GetDocumentAsync("/wiki/special/new?title=" + Uri.EscapeDataString("이미 있는 문서"));

        // Assert
        Assert.True(PortalClient.RedirectsTo(free, PathOf("아직 없는 문서") + "/edit"), $"{(int)free.StatusCode} {free.Headers.Location}");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("이미 있습니다", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PathOf("이미 있는 문서"), page.QuerySelector("[role=status] a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("?space=%EA%B0%80%EB%82%98", HttpStatusCode.BadRequest)] // 가나: not a space key
    [InlineData("?after=-1", HttpStatusCode.BadRequest)]
    [InlineData("?after=99999999999", HttpStatusCode.OK)]
    [InlineData("?sort=recent&space=-", HttpStatusCode.OK)]
    public async Task AllPages_OddQueries_AnswerWithoutServerError(string query, HttpStatusCode status)
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var response = await kim.GetAsync("/wiki/special/pages" + query);

        // Assert
        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task AllPages_ByTitleAndByRecentEdit_ListsLivePagesInThatOrder()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        await SaveAsync(kim, "가가 목록 가", "본문");
        await SaveAsync(kim, "가가 목록 나", "본문");

        // Act
        var (_, byTitle) = await kim.GetDocumentAsync("/wiki/special/pages");
        var (_, byRecent) = await kim.GetDocumentAsync("/wiki/special/pages?sort=recent");

        // Assert
        var titles = byTitle.QuerySelectorAll("table.wiki-pages th[scope=row] a").Select(a => a.TextContent).Where(t => t.StartsWith("가가 목록", StringComparison.Ordinal)).ToList();
        Assert.Equal(["가가 목록 가", "가가 목록 나"], titles);
        var recent = byRecent.QuerySelectorAll("table.wiki-pages th[scope=row] a").Select(a => a.TextContent).Where(t => t.StartsWith("가가 목록", StringComparison.Ordinal)).ToList();
        Assert.Equal(["가가 목록 나", "가가 목록 가"], recent.Take(2));
        Assert.True(byRecent.QuerySelector("#pages-sort option[value=recent]")!.HasAttribute("selected"));
    }
}
