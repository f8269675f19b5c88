using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Suggestions;
using GatewayPortal.Search.Tests.Support;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class SearchServiceSuggestTests : IDisposable
{
    private readonly TestIndex _index = new TestIndex().With(
        Docs.Make("w1", "행정포털 이용 안내"),
        Docs.Make("w2", "행정정보 공개"),
        Docs.Make("a1", "Payroll System", source: SearchSources.Application),
        Docs.Make("p1", "김민수", source: SearchSources.Person),
        Docs.Make("p2", "김민지", source: SearchSources.Person));

    [Theory]
    [InlineData("행", "w1,w2")] // one syllable
    [InlineData("행정포", "w1")] // syllable prefix
    [InlineData("이용", "w1")] // a later word of the title
    [InlineData("행정 안", "w1")] // every typed word is a prefix
    [InlineData("pay", "a1")] // English, case-insensitive
    [InlineData("SYS", "a1")]
    [InlineData("김민", "p1,p2")] // people names
    [InlineData("김민수", "p1")]
    [InlineData("없음", "")]
    public void Suggest_Prefix_MatchesTitlesAndNames(string prefix, string expected)
    {
        // Act
        var suggestions = _index.Service.Suggest(new SuggestRequest(prefix, []));

        // Assert
        Assert.Equal(expected, string.Join(',', suggestions.Select(s => s.Id).Order()));
    }

    [Fact]
    public void Suggest_SourceAndLimit_AreRespected()
    {
        // Act
        var suggestions = _index.Service.Suggest(new SuggestRequest("김", []) { Source = SearchSources.Person, Limit = 1 });

        // Assert
        var only = Assert.Single(suggestions);
        Assert.Equal(SearchSources.Person, only.Source);
    }

    public void Dispose() => _index.Dispose();
}
