using GatewayPortal.Identity.Applications;

namespace GatewayPortal.Identity.Tests.Applications;

public sealed class HangulInitialsTests
{
    [Theory]
    [InlineData("인사관리", "ㅇㅅㄱㄹ")]
    [InlineData("전자결재(온나라)", "ㅈㅈㄱㅈ(ㅇㄴㄹ)")]
    [InlineData("쌍꺼풀", "ㅆㄲㅍ")] // double consonants keep their own initial
    [InlineData("GIS 도시정보", "GISㄷㅅㅈㅂ")] // white space dropped, Latin kept
    [InlineData("가힣", "ㄱㅎ")] // first and last syllable of the block
    [InlineData("ㄱㄴ", "ㄱㄴ")]
    [InlineData("", "")]
    public void GetInitials_Text_GivesLeadingConsonants(string text, string expected)
    {
        // Arrange
        // Act
        var initials = HangulInitials.GetInitials(text);

        // Assert
        Assert.Equal(expected, initials);
    }

    [Theory]
    [InlineData("ㅇㅅ", true)]
    [InlineData("ㅈㅈ ㄱㅈ", true)]
    [InlineData("ㄲㅆ", true)]
    [InlineData("ㅇ사", false)] // mixed: falls back to a substring search
    [InlineData("ㅏ", false)] // a vowel is not an initial
    [InlineData("ㄳ", false)] // a final-only cluster is not an initial
    [InlineData("hr", false)]
    [InlineData("  ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsInitialsQuery_Query_RecognisesConsonantsOnly(string? query, bool expected)
    {
        // Arrange
        // Act
        var result = HangulInitials.IsInitialsQuery(query);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("인사관리", "ㅇㅅ", true)]
    [InlineData("인사관리", "ㅇㅅㄱㄹ", true)]
    [InlineData("인사관리", "ㄱㄹ", true)]
    [InlineData("인사관리", "ㅅㄱ", true)]
    [InlineData("인사관리", "ㅇㄱ", false)] // must be contiguous
    [InlineData("전자결재(온나라)", "ㅈㅈㄱㅈ", true)]
    [InlineData("지방재정관리(e호조)", "ㅈㅂㅈㅈ", true)]
    [InlineData("건축행정(세움터)", "ㅅㅇㅌ", true)]
    [InlineData("재난안전 상황관리", "ㅇㅈㅅㅎ", true)] // spaces ignored
    [InlineData("인사관리", "인사", false)] // not an initials query
    public void Matches_NameAndQuery_MatchesContiguousInitials(string text, string query, bool expected)
    {
        // Arrange
        // Act
        var result = HangulInitials.Matches(text, query);

        // Assert
        Assert.Equal(expected, result);
    }
}
