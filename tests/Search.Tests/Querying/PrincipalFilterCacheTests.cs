using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

/// <summary>The cached per-principal-set visibility must stay exact across deletes, updates and new segments.</summary>
public sealed class PrincipalFilterCacheTests
{
    private static readonly string Hr = SearchPrincipals.Group("role-hr");
    private static readonly string It = SearchPrincipals.Group("role-it");

    [Fact]
    public void Search_DocumentDeletedAfterFilterWasCached_IsNoLongerCounted()
    {
        // Arrange
        using var index = new TestIndex().With(
            Docs.Make("a", "인사 평가", principals: [Hr]),
            Docs.Make("b", "인사 발령", principals: [Hr]));
        Assert.Equal(2, index.Search("인사", Hr).TotalHits);

        // Act
        index.Index.Delete("a");
        index.Index.Refresh();
        var results = index.Search("인사", Hr);

        // Assert
        Assert.Equal(["b"], results.Hits.Select(h => h.Id));
        Assert.Equal(1, results.TotalHits);
        Assert.Equal([new FacetCount(SearchSources.Wiki, 1)], results.Sources);
    }

    [Fact]
    public void Search_PrincipalsChangedAfterFilterWasCached_FollowsTheUpdate()
    {
        // Arrange
        using var index = new TestIndex().With(Docs.Make("a", "인사 평가", principals: [Hr]), Docs.Make("b", "인사 발령", principals: [It]));
        Assert.Equal(["a"], index.Ids("인사", Hr));

        // Act: a moves from HR to IT, and a new HR document lands in a new segment.
        index.With(Docs.Make("a", "인사 평가", principals: [It]), Docs.Make("c", "인사 규정", principals: [Hr]));
        var hr = index.Ids("인사", Hr);
        var it = index.Ids("인사", It);

        // Assert
        Assert.Equal(["c"], hr);
        Assert.Equal(["a", "b"], it.Order());
    }

    [Fact]
    public void Get_SamePrincipalsInAnyOrder_ReturnsTheCachedFilter()
    {
        // Arrange
        var cache = new PrincipalFilterCache(capacity: 4);

        // Act
        var first = cache.Get([Hr, It]);
        var second = cache.Get([It, Hr, Hr, SearchPrincipals.Everyone]);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Get_MoreSetsThanCapacity_DropsTheLeastRecentlyUsed()
    {
        // Arrange
        var cache = new PrincipalFilterCache(capacity: 2);
        var hr = cache.Get([Hr]);
        var it = cache.Get([It]);
        cache.Get([Hr]);

        // Act
        cache.Get([SearchPrincipals.User("kim")]);

        // Assert
        Assert.Equal(2, cache.Count);
        Assert.Same(hr, cache.Get([Hr]));
        Assert.NotSame(it, cache.Get([It]));
    }
}
