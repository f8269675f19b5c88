using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Suggestions;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class SearchServiceSecurityTests : IDisposable
{
    private static readonly string Hr = SearchPrincipals.Group("role-hr");
    private readonly TestIndex _index = new TestIndex().With(
        Docs.Make("public", "인사 발령 공지", source: SearchSources.Wiki, site: "wiki.city.go.kr"),
        Docs.Make("hr", "인사 평가 결과", source: SearchSources.Wiki, site: "hr.city.go.kr", principals: [Hr]),
        Docs.Make("hr-app", "인사 급여 시스템", source: SearchSources.Application, principals: [Hr]),
        Docs.Make("mine", "인사 개인 기록", source: SearchSources.Person, principals: [SearchPrincipals.User("kim")]));

    [Fact]
    public void Search_UserWithoutGroup_SeesNoRestrictedHitCountOrFacet()
    {
        // Act
        var results = _index.Search("인사", SearchPrincipals.Group("role-it"));

        // Assert
        Assert.Equal(["public"], results.Hits.Select(h => h.Id));
        Assert.Equal(1, results.TotalHits);
        Assert.Equal([new FacetCount("wiki", 1)], results.Sources);
        Assert.Equal([new FacetCount("wiki.city.go.kr", 1)], results.Sites);
    }

    [Fact]
    public void Search_GroupMember_SeesGroupDocuments()
    {
        // Act
        var results = _index.Search("인사", Hr);

        // Assert
        Assert.Equal(["hr", "hr-app", "public"], results.Hits.Select(h => h.Id).Order());
        Assert.Contains(new FacetCount("application", 1), results.Sources);
    }

    [Fact]
    public void Search_UserPrincipal_SeesOwnDocumentOnly()
    {
        // Act
        var kim = _index.Ids("인사", SearchPrincipals.User("kim"));
        var lee = _index.Ids("인사", SearchPrincipals.User("lee"));

        // Assert
        Assert.Equal(["mine", "public"], kim.Order());
        Assert.Equal(["public"], lee);
    }

    [Fact]
    public void Suggest_UserWithoutGroup_GetsNoRestrictedTitles()
    {
        // Act
        var outsider = _index.Service.Suggest(new SuggestRequest("인사", [SearchPrincipals.Group("role-it")]));
        var member = _index.Service.Suggest(new SuggestRequest("인사", [Hr]));

        // Assert
        Assert.Equal(["public"], outsider.Select(s => s.Id));
        Assert.Equal(3, member.Count);
    }

    public void Dispose() => _index.Dispose();
}
