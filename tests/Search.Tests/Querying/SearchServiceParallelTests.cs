using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

/// <summary>A search over slices of segments on several threads answers exactly what one thread answers.</summary>
public sealed class SearchServiceParallelTests : IDisposable
{
    private static readonly string[] Words = ["민원", "신청", "예산", "행정포털", "주차", "안내", "복지", "system", "report", "점검"];
    private static readonly string[] Sites = ["a.go.kr", "b.go.kr", "c.go.kr"];
    private readonly TestIndex _sequential = Build(threads: 1);
    private readonly TestIndex _parallel = Build(threads: 3);
    private readonly TestIndex _oneSegment = Build(threads: 2, batches: 1);

    public static TheoryData<string, SearchSort, int, string> Cases => new()
    {
        { "민원", SearchSort.Relevance, 1, "g1" },
        { "민원", SearchSort.Relevance, 3, "g1" },
        { "민원 신청", SearchSort.Relevance, 1, "g2" },
        { "예산", SearchSort.Date, 1, "g1" },
        { "예산", SearchSort.Date, 4, "g0" },
        { "행정포털 -주차", SearchSort.Relevance, 2, "g2" },
        { "site:b.go.kr 안내", SearchSort.Relevance, 1, "g1" },
        { "\"신청 주차\"", SearchSort.Date, 2, "g0" },
        { "system", SearchSort.Relevance, 1, "g1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_OverSlicesOfSegments_SameHitsOrderCountAndFacetsAsOneThread(string query, SearchSort sort, int page, string group)
    {
        // Arrange
        var request = new SearchRequest(query, [group, SearchPrincipals.Everyone]) { Sort = sort, Page = page, PageSize = 10 };
        using (var lease = _parallel.Index.AcquireSearcher())
        {
            Assert.True(lease.Searcher.IndexReader.Leaves.Count >= 4, "the index must have several segments to slice");
        }

        // Act + Assert
        AssertSameAnswerAsOneThread(_parallel, request);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_OneSegmentCutIntoRangesOfDocuments_SameHitsOrderCountAndFacetsAsOneThread(string query, SearchSort sort, int page, string group)
    {
        // Arrange: a rebuild's merges can leave one segment holding most of the index; two threads share it by ranges.
        var request = new SearchRequest(query, [group, SearchPrincipals.Everyone]) { Sort = sort, Page = page, PageSize = 10 };
        using (var lease = _oneSegment.Index.AcquireSearcher())
        {
            Assert.Single(lease.Searcher.IndexReader.Leaves);
        }

        // Act + Assert
        AssertSameAnswerAsOneThread(_oneSegment, request);
    }

    public void Dispose()
    {
        _sequential.Dispose();
        _parallel.Dispose();
        _oneSegment.Dispose();
    }

    /// <summary>Hits, their order, the count and the facets of <paramref name="index"/> equal one thread's over six segments.</summary>
    private void AssertSameAnswerAsOneThread(TestIndex index, SearchRequest request)
    {
        var expected = _sequential.Service.Search(request);
        var actual = index.Service.Search(request);
        Assert.True(expected.TotalHits > 0);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.Hits.Select(h => h.Id), actual.Hits.Select(h => h.Id));
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Sites, actual.Sites);
    }

    /// <summary>The same 600 documents in batches (a segment each), with many equal scores and equal dates.</summary>
    private static TestIndex Build(int threads, int batches = 6)
    {
        var index = new TestIndex(configure: o =>
        {
            o.QueryThreads = threads;
            o.ParallelQueryMinDocs = 0;
        });
        var size = 600 / batches;
        for (var batch = 0; batch < batches; batch++)
        {
            index.With([.. Enumerable.Range(batch * size, size).Select(Document)]);
        }

        return index;
    }

    private static SearchDocument Document(int i) => Docs.Make(
        $"d{i:D3}",
        $"{Words[i % Words.Length]} {Words[(i / 3) % Words.Length]}",
        string.Join(' ', Enumerable.Range(0, 6).Select(k => Words[((i * 7) + (k * 3)) % Words.Length])),
        source: i % 4 == 0 ? SearchSources.Web : SearchSources.Wiki,
        site: i % 4 == 0 ? Sites[i % Sites.Length] : null,
        date: Docs.Now.AddDays(-(i % 13)),
        principals: [$"g{i % 3}", .. i % 5 == 0 ? new[] { SearchPrincipals.Everyone } : []]);
}
