using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Tests.Directory;

public sealed class LdapEscapeTests
{
    [Theory]
    [InlineData("kim.minsu", "kim.minsu")]
    [InlineData("*", @"\2a")]
    [InlineData("(", @"\28")]
    [InlineData(")", @"\29")]
    [InlineData(@"\", @"\5c")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("*)(uid=*))(|(uid=*", @"\2a\29\28uid=\2a\29\29\28|\28uid=\2a")]
    [InlineData(@"\2a", @"\5c2a")]
    [InlineData("김민수", "김민수")]
    [InlineData("", "")]
    public void EscapeFilterValue_SpecialCharacters_AreHexEscaped(string value, string expected)
    {
        // Arrange
        // Act
        var escaped = LdapEscape.EscapeFilterValue(value);

        // Assert
        Assert.Equal(expected, escaped);
    }

    [Theory]
    [InlineData("kim.minsu", "kim.minsu")]
    [InlineData(" lead", @"\ lead")]
    [InlineData("trail ", @"trail\ ")]
    [InlineData("#hash", @"\#hash")]
    [InlineData("mid#dle", "mid#dle")]
    [InlineData("in ner", "in ner")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a+b", @"a\+b")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a<b>", @"a\<b\>")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("재무국 예산과", "재무국 예산과")]
    [InlineData(" ", @"\ ")]
    public void EscapeDnValue_SpecialCharacters_AreBackslashEscaped(string value, string expected)
    {
        // Arrange
        // Act
        var escaped = LdapEscape.EscapeDnValue(value);

        // Assert
        Assert.Equal(expected, escaped);
    }
}
