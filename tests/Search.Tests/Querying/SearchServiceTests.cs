using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class SearchServiceTests
{
    [Fact]
    public void Search_KoreanWord_FindsItWithParticlesAttached()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "이용 안내", "새 행정포털을 열었습니다"),
            Docs.Make("b", "공지", "행정포털의 기능 목록"),
            Docs.Make("c", "행정 자료", "포털 사이트와 행정 문서")); // both bigram halves, but not adjacent

        // Act
        var ids = index.Ids("행정포털");

        // Assert
        Assert.Equal(["a", "b"], ids.Order());
    }

    [Theory]
    [InlineData("구", "a")] // one syllable matches inside 종로구청 (the start of a gram there)
    [InlineData("시", "b")] // and at the start of a run
    [InlineData("실", "a")] // and at its end
    [InlineData("구청", "a")] // two syllables match the bigram
    [InlineData("청장", "b")]
    public void Search_OneAndTwoSyllableKorean_Match(string query, string expected)
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "종로구청 민원실", "위치 안내"),
            Docs.Make("b", "시청장 일정", "공개 일정"));

        // Act
        var ids = index.Ids(query);

        // Assert
        Assert.Equal([expected], ids);
    }

    [Fact]
    public void Search_EnglishPlural_FindsStemmedSingular()
    {
        // Arrange
        using var index = new TestIndex().With(Docs.Make("a", "Payroll system", "The system pays staff."), Docs.Make("b", "Other", "Nothing"));

        // Act
        var ids = index.Ids("systems");

        // Assert
        Assert.Equal(["a"], ids);
    }

    [Fact]
    public void Search_ExactTitle_RanksFirstOverNewerBodyMatches()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("exact", "전자결재", "결재 문서 작성", date: Docs.Now.AddYears(-3)),
            Docs.Make("title", "전자결재 사용 안내", "전자결재 전자결재 전자결재", date: Docs.Now),
            Docs.Make("body", "업무 매뉴얼", "전자결재 시스템에서 전자결재를 올립니다", date: Docs.Now));

        // Act
        var ids = index.Ids("전자결재");

        // Assert
        Assert.Equal(["exact", "title", "body"], ids);
    }

    [Fact]
    public void Search_TitleMatch_OutranksHeadingsWhichOutrankBody()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("body", "문서 A", "예산 편성 절차를 설명합니다"),
            Docs.Make("heading", "문서 B", "절차를 설명합니다", headings: ["예산 편성"]),
            Docs.Make("title", "예산 편성 기준", "절차를 설명합니다"));

        // Act
        var ids = index.Ids("예산");

        // Assert
        Assert.Equal(["title", "heading", "body"], ids);
    }

    [Fact]
    public void Search_QuotedPhrase_RequiresAdjacentWords()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "x", "주민등록 등본 발급 안내"),
            Docs.Make("b", "y", "등본 없이 주민등록 변경"));

        // Act
        var ids = index.Ids("\"주민등록 등본\"");

        // Assert
        Assert.Equal(["a"], ids);
    }

    [Fact]
    public void Search_ExcludedWordAndPhrase_RemoveMatches()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "예산 보고", "결산 보고서"),
            Docs.Make("b", "예산 계획", "회계 감사"),
            Docs.Make("c", "예산 현황", "일반 현황"));

        // Act
        var ids = index.Ids("예산 -\"결산 보고서\" -회계");

        // Assert
        Assert.Equal(["c"], ids);
    }

    [Fact]
    public void Search_SiteFilter_MatchesHostAndSubdomains()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "공지사항", source: SearchSources.Web, site: "www.seoul.go.kr"),
            Docs.Make("b", "공지사항", source: SearchSources.Web, site: "news.busan.go.kr"),
            Docs.Make("c", "공지사항", source: SearchSources.Web, site: "seoul.go.kr"));

        // Act
        var ids = index.Ids("공지 site:seoul.go.kr");

        // Assert
        Assert.Equal(["a", "c"], ids.Order());
    }

    [Theory]
    [InlineData("인사 source:app", null, "app1")] // alias in the query
    [InlineData("인사", "person", "p1")] // facet click parameter
    [InlineData("source:wiki", null, "w1")] // a filter alone lists the source
    public void Search_SourceFilter_KeepsOnlyThatSource(string query, string? source, string expected)
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("w1", "인사 규정", source: SearchSources.Wiki),
            Docs.Make("app1", "인사 시스템", source: SearchSources.Application),
            Docs.Make("p1", "인사과 김민수", source: SearchSources.Person));

        // Act
        var results = index.Service.Search(new SearchRequest(query, []) { Source = source });

        // Assert
        Assert.Equal([expected], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_SortByDate_ReturnsNewestFirst()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("old", "회의록", date: Docs.Now.AddDays(-300)),
            Docs.Make("new", "회의록 회의록", date: Docs.Now.AddDays(-1)),
            Docs.Make("mid", "회의록", date: Docs.Now.AddDays(-20)));

        // Act
        var results = index.Service.Search(new SearchRequest("회의록", []) { Sort = SearchSort.Date });

        // Assert
        Assert.Equal(["new", "mid", "old"], results.Hits.Select(h => h.Id));
        Assert.Equal(Docs.Now.AddDays(-1), results.Hits[0].Date);
    }

    [Fact]
    public void Search_AfterAnEditReopenedTheSegment_ReadsColumnsFromTheLiveReader()
    {
        // Arrange: once the first segment has a deletion, each reopen reads it through a new reader and closes the old
        // one. A date-sorted search caches the segment's facet columns (not its dates) through one of those readers;
        // the next edit closes it.
        using var index = new TestIndex().With(Docs.Make("a", "회의록 안내"), Docs.Make("b", "회의록 정리"), Docs.Make("c", "공지"));
        index.With(Docs.Make("c", "공지 개정"));
        index.Service.Search(new SearchRequest("회의록", []) { Sort = SearchSort.Date });
        index.With(Docs.Make("a", "회의록 안내 개정"));

        // Act: the relevance sort reads the dates of the same segment for the first time.
        var results = index.Search("회의록");

        // Assert
        Assert.Equal(2, results.TotalHits);
        Assert.Equal(["a", "b"], results.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_Paging_ReturnsDisjointPagesWithExactTotal()
    {
        // Arrange
        using var index = new TestIndex().With(
            [.. Enumerable.Range(0, 25).Select(i => Docs.Make($"d{i:00}", $"교육 과정 {i}", date: Docs.Now.AddDays(-i)))]);

        // Act
        var pages = Enumerable.Range(1, 3)
            .Select(p => index.Service.Search(new SearchRequest("교육", []) { Page = p, PageSize = 10, Sort = SearchSort.Date }))
            .ToList();

        // Assert
        Assert.All(pages, p => Assert.Equal(25, p.TotalHits));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Hits.Count));
        var all = pages.SelectMany(p => p.Hits.Select(h => h.Id)).ToList();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"d{i:00}"), all);
    }

    [Fact]
    public void Search_Facets_CountEveryMatchBySourceAndSite()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("w1", "복지 정책", source: SearchSources.Wiki, site: "wiki.city.go.kr"),
            Docs.Make("w2", "복지 예산", source: SearchSources.Wiki, site: "wiki.city.go.kr"),
            Docs.Make("x1", "복지 포털", source: SearchSources.Web, site: "welfare.go.kr"),
            Docs.Make("x2", "교통 포털", source: SearchSources.Web, site: "welfare.go.kr"));

        // Act
        var results = index.Service.Search(new SearchRequest("복지", []) { PageSize = 1 });

        // Assert
        Assert.Equal(3, results.TotalHits);
        Assert.Equal([new FacetCount("wiki", 2), new FacetCount("web", 1)], results.Sources);
        Assert.Equal([new FacetCount("wiki.city.go.kr", 2), new FacetCount("welfare.go.kr", 1)], results.Sites);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 101)]
    [InlineData(101, 100)]
    public void Search_PageOutOfRange_Throws(int page, int pageSize)
    {
        // Arrange
        using var index = new TestIndex();

        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Service.Search(new SearchRequest("a", []) { Page = page, PageSize = pageSize }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-행정")]
    [InlineData("!!! ...")]
    public void Search_NothingToSearchFor_ReturnsEmpty(string query)
    {
        // Arrange
        using var index = new TestIndex().With(Docs.Make("a", "행정 안내"), Docs.Make("b", "교통"));

        // Act
        var results = index.Search(query);

        // Assert
        Assert.Equal(0, results.TotalHits);
    }
}
