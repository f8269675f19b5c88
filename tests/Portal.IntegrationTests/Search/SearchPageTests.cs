using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using GatewayPortal.Portal.IntegrationTests.Infrastructure;
using GatewayPortal.Testing;
using GatewayPortal.Tools.OrgGen;
using static GatewayPortal.Portal.IntegrationTests.Wiki.WikiHttp;

namespace GatewayPortal.Portal.IntegrationTests.Search;

/// <summary>Searching through the real host and its in-memory Lucene index: Korean queries, security trimming, live wiki updates, facets and paging.</summary>
public sealed class SearchPageTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Search_KoreanWordWithParticle_FindsTheApplication()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act: 회의실을 ("the meeting room" + object particle) must find 회의실 예약.
        var page = await kim.GetDocumentUntilAsync("/search?q=" + Uri.EscapeDataString("회의실을"), p => Links(p).Contains("/launch/doc-meeting-rooms"), Patience);

        // Assert
        var hit = page.QuerySelectorAll(".search-hit").First(h => h.QuerySelector("a")!.GetAttribute("href") == "/launch/doc-meeting-rooms");
        // The link's own text; a system's link also carries a hidden "(새 창에서 열림)" for screen readers.
        Assert.Equal("회의실 예약", hit.QuerySelector("h2 a")!.ChildNodes[0].TextContent);
        Assert.NotNull(hit.QuerySelector("h2 a [data-new-tab-hint]"));
        Assert.Contains("시스템", hit.QuerySelector(".search-source")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ColleagueByKoreanName_FindsTheStaffDirectoryEntryAndItsCard()
    {
        // Arrange: the staff directory is read from LDAP shortly after start.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var page = await kim.GetDocumentUntilAsync("/search?source=person&q=" + Uri.EscapeDataString("이지영"), p => Links(p).Contains("/people/lee.jiyoung"), Patience);
        var (card, cardPage) = await kim.GetDocumentAsync("/people/lee.jiyoung");
        var retired = await kim.GetAsync("/people/" + DemoAccounts.JungDisabled.Uid);
        var unknown = await kim.GetAsync("/people/no.such.person");
        var (_, retiredSearch) = await kim.GetDocumentAsync("/search?source=person&q=" + Uri.EscapeDataString("정민호"));

        // Assert
        Assert.Contains("직원", page.QuerySelectorAll(".search-hit").First(h => h.QuerySelector("a")!.GetAttribute("href") == "/people/lee.jiyoung")
            .QuerySelector(".search-source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("이지영", cardPage.QuerySelector("h1")?.TextContent);
        Assert.NotNull(cardPage.QuerySelector("a[href^='mailto:']"));
        Assert.Equal(HttpStatusCode.NotFound, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("/people/" + DemoAccounts.JungDisabled.Uid, Links(retiredSearch));
    }

    [Fact]
    public async Task Search_RestrictedApplication_ListedAndCountedForMembersOnly()
    {
        // Arrange: sample-lob is for staff-hq; kim.minsu is HQ staff, han.seojun a district user.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        using var han = await SignedInAsync(portal, DemoAccounts.HanSeojun.Uid);
        var path = "/search?source=application&q=" + Uri.EscapeDataString("샘플");

        // Act
        var member = await kim.GetDocumentUntilAsync(path, p => Links(p).Contains("/launch/sample-lob"), Patience);
        var (_, other) = await han.GetDocumentAsync(path);

        // Assert
        Assert.DoesNotContain("/launch/sample-lob", Links(other));
        Assert.DoesNotContain("민원 처리 샘플", other.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Count(member) - 1, Count(other));
    }

    [Fact]
    public async Task Search_WikiPageJustSaved_IsFound()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var title = "검색 시험 " + Guid.NewGuid().ToString("N")[..6];

        // Act
        await SaveAsync(kim, title, "# 안내\n\n무지개다리 건너는 방법을 적습니다.", "검색 시험");
        // How soon (the 2 s target) is bench/PortalTiming's to measure; the test waits as long as a loaded machine needs.
        var page = await Eventually.UntilAsync(
            async () => (await kim.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("무지개다리"))).Document,
            p => Links(p).Contains(PathOf(title)),
            TimeSpan.FromSeconds(30),
            "the page just saved to be found by search");

        // Assert
        var hit = page.QuerySelectorAll(".search-hit").First(h => h.QuerySelector("a")!.GetAttribute("href") == PathOf(title));
        Assert.Contains("무지개", hit.QuerySelector(".search-snippet mark")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SignedIn_HasLabelledSearchBox()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var (response, page) = await kim.GetDocumentAsync("/me");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
    }

    [Fact]
    public async Task Search_EmptyOrTooLongQuery_ShowsMessageInsteadOfResults()
    {
        // Arrange
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);

        // Act
        var (_, empty) = await kim.GetDocumentAsync("/search");
        var (_, tooLong) = await kim.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(new string('가', 201)));
        var (_, nothing) = await kim.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("없는낱말콰쾅쿵"));

        // Assert
        Assert.Null(empty.QuerySelector(".search-results"));
        Assert.Equal("검색어는 200자 이하로 입력하세요.", tooLong.QuerySelector("main [role=alert]")!.TextContent);
        Assert.Contains("검색 결과가 없습니다", nothing.QuerySelector(".search-empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ManyHits_FacetsFilterAndPagesDoNotOverlap()
    {
        // Arrange: 관리 ("management") is in many application names.
        using var kim = await SignedInAsync(portal, DemoAccounts.KimMinsu.Uid);
        var query = Uri.EscapeDataString("관리");
        var first = await kim.GetDocumentUntilAsync("/search?q=" + query, p => Count(p) > 10, Patience);

        // Act
        var facet = first.QuerySelectorAll(".search-facets a").Single(a => a.GetAttribute("href")!.Contains("source=application", StringComparison.Ordinal));
        var (_, filtered) = await kim.GetDocumentAsync(facet.GetAttribute("href")!);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await kim.GetDocumentAsync(next);

        // Assert
        var facetCount = int.Parse(facet.QuerySelector(".count")!.TextContent.Trim('(', ')'), CultureInfo.InvariantCulture);
        Assert.Equal(facetCount, Count(filtered));
        Assert.All(filtered.QuerySelectorAll(".search-hit"), h => Assert.StartsWith("/launch/", h.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Equal(10, first.QuerySelectorAll(".search-hit").Length);
        Assert.Empty(Links(first).Intersect(Links(second)));
        Assert.NotNull(second.QuerySelector(".pager a[rel=prev]"));
    }

    private static List<string> Links(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href") ?? "")];

    private static int Count(IHtmlDocument page) =>
        int.Parse(new string([.. page.QuerySelector(".search-count")!.TextContent.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
}
