using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class SearchServiceRankingTests
{
    [Fact]
    public void Search_EqualMatches_RankTheNewerFirst()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("old", "예산 편성", "예산 편성 기준", date: Docs.Now.AddYears(-2)),
            Docs.Make("new", "예산 편성", "예산 편성 기준", date: Docs.Now.AddDays(-1)),
            Docs.Make("mid", "예산 편성", "예산 편성 기준", date: Docs.Now.AddDays(-200)));

        // Act
        var ids = index.Ids("예산");

        // Assert
        Assert.Equal(["new", "mid", "old"], ids);
    }

    [Fact]
    public void Search_RecencyBoost_PagesExactlyAcrossAllMatches()
    {
        // Arrange
        var docs = Enumerable.Range(0, 25)
            .Select(i => Docs.Make($"d{i:00}", "예산 편성", "예산", date: Docs.Now.AddDays(-i * 10)))
            .ToArray();
        using var index = new TestIndex().With(docs);

        // Act
        var pages = Enumerable.Range(1, 3)
            .Select(p => index.Service.Search(new SearchRequest("예산", []) { Page = p, PageSize = 10 }))
            .ToList();

        // Assert: newest first, no gaps or repeats across pages.
        Assert.Equal(docs.Select(d => d.Id), pages.SelectMany(p => p.Hits).Select(h => h.Id));
        Assert.All(pages, p => Assert.Equal(25, p.TotalHits));
    }
}
