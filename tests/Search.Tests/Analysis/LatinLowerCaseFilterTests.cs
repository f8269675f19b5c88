using GatewayPortal.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Tests.Analysis;

public sealed class LatinLowerCaseFilterTests
{
    private static List<string> Terms(Func<TokenStream, TokenStream> lowerCase, string text)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new ScriptTokenizer(reader);
            return new TokenStreamComponents(tokenizer, lowerCase(tokenizer));
        });
        return [.. analyzer.Tokenize("body", text).Select(t => t.Term)];
    }

    [Theory]
    [InlineData("GIS시스템 Portal")] // ASCII beside Hangul
    [InlineData("ÀÉÎÕÜ Straße ĲSSEL")] // Latin-1 and Latin Extended
    [InlineData("ΣΟΦΙΑ Москва ԱՐԱՄ")] // Greek, Cyrillic, Armenian
    [InlineData("𐐀𐐁𐐂 Ǆemal")] // a supplementary-plane letter (Deseret) and a title-case digraph
    [InlineData("행정포털 민원")] // Hangul: nothing to change
    public void LowerCase_AnyScript_SameTermsAsLuceneLowerCaseFilter(string text)
    {
        // Arrange
        var expected = Terms(stream => new LowerCaseFilter(LuceneVersion.LUCENE_48, stream), text);

        // Act
        var actual = Terms(stream => new LatinLowerCaseFilter(stream), text);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LowerCase_MixedCaseWord_LowersEveryLetter()
    {
        // Act
        var actual = Terms(stream => new LatinLowerCaseFilter(stream), "OpenID ÉCOLE 𐐀𐐁");

        // Assert
        Assert.Equal(["openid", "école", "𐐨𐐩"], actual);
    }
}
