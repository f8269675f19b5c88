using GatewayPortal.Search.Querying;

namespace GatewayPortal.Search.Tests.Querying;

public sealed class UserQueryParserTests
{
    private static string Describe(ParsedQuery q) =>
        string.Join('|', q.Clauses.Select(c => (c.Excluded ? "-" : "") + (c.IsPhrase ? $"\"{c.Text}\"" : c.Text)))
        + $" site={string.Join(',', q.Sites)} source={string.Join(',', q.Sources)}";

    [Theory]
    [InlineData("행정 포털", "행정|포털 site= source=")] // words are separate required clauses
    [InlineData("\"민원 신청\" 안내", "\"민원 신청\"|안내 site= source=")] // quoted phrase
    [InlineData("예산 -회계 -\"결산 보고\"", "예산|-회계|-\"결산 보고\" site= source=")] // word and phrase exclusion
    [InlineData("site:Intra.Seoul.go.kr 공지", "공지 site=intra.seoul.go.kr source=")] // host lower-cased
    [InlineData("source:app source:person 김", "김 site= source=application,person")] // app alias
    [InlineData("\"unterminated phrase", "\"unterminated phrase\" site= source=")] // open quote runs to the end
    [InlineData("- site: \"\"", "-|site: site= source=")] // lone minus and empty filter stay plain text
    [InlineData("", " site= source=")]
    public void Parse_SearchBoxSyntax_SplitsClausesAndFilters(string input, string expected)
    {
        // Act
        var parsed = UserQueryParser.Parse(input);

        // Assert
        Assert.Equal(expected, Describe(parsed));
    }
}
